package io.rapport.kol.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.kol.domain.Kol;
import io.rapport.kol.domain.KolProfile;
import io.rapport.kol.domain.KolQueries;
import io.rapport.kol.domain.KolSearch;
import io.rapport.kol.domain.KolService;
import io.rapport.kol.domain.KolStatus;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Responses;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/kols")
@Tag(name = "KOLs", description = "Key opinion leader profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KolResource {

    private static final String COLLECTION = "/api/v1/kols";

    private final KolService kols;
    private final KolQueries queries;
    private final ProfileDocuments documents;
    private final IdempotencyKeys idempotency;

    public KolResource(KolService kols, KolQueries queries, ProfileDocuments documents, IdempotencyKeys idempotency) {
        this.kols = kols;
        this.queries = queries;
        this.documents = documents;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Create a KOL", description = "An MSL who creates a KOL is assigned to it. Idempotency-Key "
            + "makes retries safe. NPI, ORCID and external ids must be free (409 names the KOL holding one). The KOL "
            + "starts with the default rights; a body with dataProtection or doNotContact is 400 (rights-not-in-profile): "
            + "the rights endpoints change them.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    public Uni<Response> create(@HeaderParam(IdempotencyKeys.HEADER) String key,
            @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KolProfile.class))) JsonNode body) {
        KolProfile profile = documents.profile(body);
        return idempotency.once(key, profile, () -> kols.create(profile)
                .map(kol -> Responses.created(COLLECTION, kol.id(), KolView.from(kol), kol.version())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read a KOL", description = "An erased KOL shows as a tombstone (404 for MSLs).")
    @APIResponse(responseCode = "200", description = "The KOL, with its ETag")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.get(id).map(KolResource::answer);
    }

    @GET
    @Path("{id}/replica")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "A KOL's state as published on rapport.kol.v1", description = "For services whose local "
            + "replica misses this KOL (its event is not consumed yet): the same data as the latest event, without "
            + "names, contact data or free text.")
    public Uni<Object> replica(@PathParam("id") UUID id) {
        return queries.replica(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Change a KOL (JSON Merge Patch)", description = "Requires If-Match with the ETag read. "
            + "MSLs change only the KOLs assigned to them. The rights are not part of the profile: a patch with "
            + "dataProtection or doNotContact is 400 (rights-not-in-profile).")
    @APIResponse(responseCode = "200", description = "The changed KOL, with its new ETag")
    public Uni<Response> patch(@PathParam("id") UUID id,
            @Parameter(description = "ETag of the version being changed") @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        // a patch of the rights (or not an object) is refused first, then a missing If-Match, before any lookup
        Patch<KolProfile> change = documents.patch(patch);
        return kols.patch(id, Versions.expected(ifMatch), change).map(KolResource::answer);
    }

    @PUT
    @Path("by-external-id/{system}/{externalId}")
    @RolesAllowed({ Roles.INTEGRATION, Roles.ADMIN })
    @Operation(summary = "Create or replace the KOL with this CRM id (idempotent upsert)", description = "201 when "
            + "created, 200 when updated or unchanged (the Upsert-Outcome header says which); the same body twice "
            + "creates no version and no event. The KOL's rights stay as they are (a body with dataProtection or "
            + "doNotContact is 400, rights-not-in-profile).")
    @APIResponse(responseCode = "200", description = "Updated or unchanged")
    @APIResponse(responseCode = "201", description = "Created")
    public Uni<Response> upsert(
            @PathParam("system") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "lower-case letters, digits and '-'") String system,
            @PathParam("externalId") @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "1 to 100 visible ASCII characters") String externalId,
            @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KolProfile.class))) JsonNode body) {
        return kols.upsert(system, externalId, documents.profile(body)).map(KolResource::upserted);
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Search KOLs", description = "Full-text search over names, specialties, research interests, "
            + "current projects and publication titles (ranked), with filters; keyset paging.")
    public Uni<Page<KolView>> search(@Valid @BeanParam SearchQuery query) {
        return queries.search(query.criteria(), query.page()).map(result -> result.map(KolView::from));
    }

    /** The query parameters of {@code GET /kols}: the words and filters, and the page. */
    public record SearchQuery(
            @Parameter(description = "Words to find, web-search syntax") @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("therapeuticArea") String therapeuticArea,
            @QueryParam("specialty") String specialty,
            @QueryParam("tier") @Min(1) @Max(4) Integer tier,
            @QueryParam("country") String country,
            @QueryParam("assignedMsl") String assignedMsl,
            @QueryParam("status") KolStatus status,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {

        /** Blank words search nothing: the list is then ordered by creation. */
        KolSearch criteria() {
            return new KolSearch(q == null || q.isBlank() ? null : q, therapeuticArea, specialty, tier, country,
                    assignedMsl, status);
        }

        PageRequest page() {
            return PageRequest.of(limit, cursor);
        }
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Audit trail of a KOL", description = "Who changed which fields when (old and new values), "
            + "oldest first. Erased values show as [erased].")
    public Uni<Page<AuditEntryView>> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return queries.history(id, PageRequest.of(limit, cursor));
    }

    @PUT
    @Path("{id}/assignments")
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN })
    @Operation(summary = "Set the MSLs assigned to a KOL", description = "Each must be in the MSL directory; a "
            + "medical manager assigns only MSLs they manage. Requires If-Match.")
    public Uni<Response> assign(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Assignments assignments) {
        return kols.assign(id, Versions.expected(ifMatch), assignments.msls()).map(KolResource::answer);
    }

    /** The KOL with its version as the ETag. */
    private static Response answer(Kol kol) {
        return Responses.ok(KolView.from(kol), kol.version());
    }

    /** 201 with its Location when the upsert created the KOL, else 200; Upsert-Outcome says which of the three. */
    private static Response upserted(KolService.Saved saved) {
        Kol kol = saved.kol();
        Response answer = saved.outcome() == KolService.Outcome.CREATED
                ? Responses.created(COLLECTION, kol.id(), KolView.from(kol), kol.version())
                : Responses.ok(KolView.from(kol), kol.version());
        return Response.fromResponse(answer).header("Upsert-Outcome", saved.outcome().name().toLowerCase()).build();
    }

    /** The body of {@code PUT /kols/{id}/assignments}. */
    public record Assignments(@NotNull @Size(max = 50) List<@NotNull @Size(min = 1, max = 100) String> msls) {
    }
}
