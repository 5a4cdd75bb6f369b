package io.rapport.interaction.api;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.interaction.domain.Channel;
import io.rapport.interaction.domain.FollowUpService;
import io.rapport.interaction.domain.Interaction;
import io.rapport.interaction.domain.InteractionChanges;
import io.rapport.interaction.domain.InteractionDocument;
import io.rapport.interaction.domain.InteractionQueries;
import io.rapport.interaction.domain.InteractionService;
import io.rapport.interaction.domain.InteractionStatus;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.JsonBodies;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Responses;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/interactions")
@Tag(name = "Interactions", description = "Meetings and other contacts between an MSL and a KOL")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource {

    static final String COLLECTION = "/api/v1/interactions";
    /** A member of a merge patch that is no field of the interaction: why a completed one is amended. */
    private static final String AMENDMENT_REASON = "amendmentReason";

    private final InteractionService recording;
    private final InteractionChanges changes;
    private final InteractionQueries queries;
    private final FollowUpService followUps;
    private final IdempotencyKeys idempotency;
    private final JsonBodies bodies;

    public InteractionResource(InteractionService recording, InteractionChanges changes, InteractionQueries queries,
            FollowUpService followUps, IdempotencyKeys idempotency, JsonBodies bodies) {
        this.recording = recording;
        this.changes = changes;
        this.queries = queries;
        this.followUps = followUps;
        this.idempotency = idempotency;
        this.bodies = bodies;
    }

    @POST
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Record an interaction (planned, or logged as completed)", description = "The objective is "
            + "required. The KOL must be active and contactable on the channel (422 naming the reason), and within its "
            + "frequency cap for the quarter (422 frequency-cap-exceeded with count and cap, unless capOverrideReason). "
            + "A manager records for an MSL of their team (mslId); an integration names the MSL. A KOL who was erased, "
            + "objected, asked not to be contacted or withdrew the consent needed is refused (422 kol-erased, "
            + "kol-objected, do-not-contact, consent-withdrawn), except an interaction logged with an adverse event or "
            + "product complaint (legalBasis LEGAL_OBLIGATION; for an erased KOL kept with a pseudonym).")
    @APIResponse(responseCode = "201", description = "Recorded; Location and ETag set")
    public Uni<Response> create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull InteractionDocument body) {
        return idempotency.once(key, body, () -> recording.create(body)
                .map(i -> Responses.created(COLLECTION, i.id(), InteractionView.from(i), i.version())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read an interaction", description = "404 for another MSL's interaction.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.get(id).map(this::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Change an interaction (JSON Merge Patch, If-Match)", description = "While PLANNED its plan "
            + "changes freely (moving the date re-checks the cap); once COMPLETED only outcome, feedbackScore, topics, "
            + "durationMinutes and occurredAt, within 30 days, with an amendmentReason; never once CANCELLED or NO_SHOW.")
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        InteractionChanges.Change change = change(patch);
        return changes.patch(id, Versions.expected(ifMatch), change).map(this::ok);
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Complete a planned interaction (If-Match)", description = "Needs disclosureMade = true, an "
            + "outcome, occurredAt, durationMinutes and both safety answers (422 naming what is missing). A safety "
            + "mention without a safety report id creates a Drug Safety follow-up due the next business day.")
    public Uni<Response> complete(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Bodies.CompletionRequest body) {
        return recording.complete(id, Versions.expected(ifMatch), body.completion()).map(this::ok);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Cancel a planned interaction (If-Match)")
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid Bodies.CancelRequest body) {
        return recording.cancel(id, Versions.expected(ifMatch), body == null ? null : body.reason()).map(this::ok);
    }

    @POST
    @Path("{id}/no-show")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Record that the KOL did not come (If-Match)")
    public Uni<Response> noShow(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return recording.noShow(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @POST
    @Path("{id}/cap-override/approval")
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN })
    @Operation(summary = "Approve a frequency-cap override (If-Match)", description = "By a medical manager of the "
            + "MSL or an admin who neither recorded the interaction nor is its MSL (403 self-approval); 409 "
            + "no-cap-override or already-approved.")
    public Uni<Response> approveCapOverride(@PathParam("id") UUID id,
            @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return recording.approveCapOverride(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @PUT
    @Path("by-external-id/{system}/{externalId}")
    @RolesAllowed({ Roles.INTEGRATION, Roles.ADMIN })
    @Operation(summary = "Create or update the interaction with this CRM id", description = "201 when created, 200 "
            + "when changed or unchanged (Upsert-Outcome); the same body twice creates no version and no event. "
            + "Changes follow the rules of PATCH.")
    public Uni<Response> upsert(
            @PathParam("system") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "lower-case letters, digits and '-'") String system,
            @PathParam("externalId") @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "1 to 100 visible ASCII characters") String externalId,
            @Valid @NotNull InteractionDocument body) {
        return changes.upsert(system, externalId, body).map(InteractionResource::upserted);
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List interactions", description = "Newest first, within what you may see: an MSL their own, "
            + "a manager their teams'. Period filters apply to when it happened (or is planned).")
    public Uni<Page<InteractionView>> list(@BeanParam Listing listing) {
        return queries.list(listing.criteria(), listing.page()).map(page -> page.map(InteractionView::from));
    }

    /** The query of a listing: its filters and its page. */
    public record Listing(@QueryParam("kolId") UUID kolId, @QueryParam("mslId") String mslId,
            @QueryParam("team") String team, @QueryParam("status") InteractionStatus status,
            @QueryParam("channel") Channel channel, @QueryParam("groupId") UUID groupId,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {

        InteractionQueries.Criteria criteria() {
            return new InteractionQueries.Criteria(kolId, mslId, team, status, channel, groupId, from, to);
        }

        PageRequest page() {
            return PageRequest.of(limit, cursor);
        }
    }

    @POST
    @Path("{id}/follow-ups")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Promise a follow-up in an interaction", description = "Due on a local date in the "
            + "interaction's time zone; assigned to the interaction's MSL unless another MSL of the directory is named.")
    @APIResponse(responseCode = "201", description = "Created; see /api/v1/follow-ups")
    public Uni<Response> followUp(@PathParam("id") UUID id, @Valid @NotNull Bodies.FollowUpRequest body) {
        return followUps.create(id, new FollowUpService.Plan(body.description(), body.dueDate(), body.assignee()))
                .map(f -> Responses.created(FollowUpResource.COLLECTION, f.id(), FollowUpResource.FollowUpView.from(f),
                        f.version()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Audit trail of an interaction")
    public Uni<Page<AuditEntryView>> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return queries.history(id, PageRequest.of(limit, cursor));
    }

    private Response ok(Interaction interaction) {
        return Responses.ok(InteractionView.from(interaction), interaction.version());
    }

    /** 201 when the upsert created the interaction, 200 otherwise, saying which in Upsert-Outcome. */
    private static Response upserted(InteractionChanges.Upserted up) {
        Interaction interaction = up.interaction();
        InteractionView view = InteractionView.from(interaction);
        Response answer = up.outcome() == InteractionChanges.Outcome.CREATED
                ? Responses.created(COLLECTION, interaction.id(), view, interaction.version())
                : Responses.ok(view, interaction.version());
        return Response.fromResponse(answer).header("Upsert-Outcome", up.outcome().name().toLowerCase()).build();
    }

    /**
     * A merge patch as the domain takes it: the fields it names (what a status lets change is a rule of the
     * domain), the amendment reason it carries besides them, and the rest as the change of the document.
     */
    private InteractionChanges.Change change(JsonNode patch) {
        if (!(patch instanceof ObjectNode object)) {
            throw DomainException.invalid("body", "a merge patch is a JSON object");
        }
        ObjectNode fields = object.deepCopy();
        JsonNode reason = fields.remove(AMENDMENT_REASON);
        Set<String> named = new LinkedHashSet<>();
        fields.fieldNames().forEachRemaining(named::add);
        return new InteractionChanges.Change(named, reason == null || reason.isNull() ? null : reason.asText(),
                bodies.patch(fields, InteractionDocument.class));
    }
}
