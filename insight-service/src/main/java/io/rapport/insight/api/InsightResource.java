package io.rapport.insight.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.insight.domain.Insight;
import io.rapport.insight.domain.InsightDocument;
import io.rapport.insight.domain.InsightQueries;
import io.rapport.insight.domain.InsightSearch;
import io.rapport.insight.domain.InsightService;
import io.rapport.insight.domain.InsightStatus;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.JsonBodies;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Responses;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path(InsightResource.COLLECTION)
@Tag(name = "Insights", description = "What MSLs hear from KOLs, curated so it reaches medical strategy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InsightResource {

    static final String COLLECTION = "/api/v1/insights";
    private static final String CURATORS = Roles.MEDICAL_MANAGER;
    /** Filters are matched in SQL: what the database cannot store (a NUL, control characters) is a 400, not a 500. */
    private static final String TEXT = "[^\\p{Cntrl}]*";
    private static final String NO_CONTROL = "no control characters";
    private static final String CODE = "[A-Z0-9_-]{1,40}";
    private static final String TAG = "[a-z0-9][a-z0-9-]{0,49}";

    private final InsightService insights;
    private final InsightQueries queries;
    private final IdempotencyKeys idempotency;
    private final JsonBodies bodies;

    public InsightResource(InsightService insights, InsightQueries queries, IdempotencyKeys idempotency,
            JsonBodies bodies) {
        this.insights = insights;
        this.queries = queries;
        this.idempotency = idempotency;
        this.bodies = bodies;
    }

    @POST
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Draft an insight", description = "Private to its author until submitted. An adverse event "
            + "mentioned creates the Drug Safety obligation at once (due the next business day).")
    public Uni<Response> draft(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull InsightDocument body) {
        return idempotency.once(key, body, () -> insights.draft(body)
                .map(i -> Responses.created(COLLECTION, i.id(), InsightView.from(i), i.version())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read an insight")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return queries.get(id).map(this::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Edit a draft (author, JSON Merge Patch, If-Match)")
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        return insights.patch(id, Versions.expected(ifMatch), bodies.patch(patch, InsightDocument.class)).map(this::ok);
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Submit a draft for curation (author, If-Match)")
    public Uni<Response> submit(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return insights.submit(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @POST
    @Path("{id}/validate")
    @RolesAllowed(CURATORS)
    @Operation(summary = "Validate a submitted insight (medical manager of the author's team, If-Match)")
    public Uni<Response> validate(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return insights.validate(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(CURATORS)
    @Operation(summary = "Reject a submitted insight, with the reason (If-Match)")
    public Uni<Response> reject(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Reason body) {
        return insights.reject(id, Versions.expected(ifMatch), body.reason()).map(this::ok);
    }

    @POST
    @Path("{id}/action")
    @RolesAllowed(CURATORS)
    @Operation(summary = "Record the action taken on a validated insight (If-Match)")
    public Uni<Response> action(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull ActionTaken body) {
        return insights.action(id, Versions.expected(ifMatch), body.actionTaken()).map(this::ok);
    }

    @POST
    @Path("{id}/rework")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Take a rejected insight back to draft (author, If-Match)")
    public Uni<Response> rework(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return insights.rework(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @POST
    @Path("{id}/endorse")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Endorse: you heard the same thing (once per MSL; not your own)")
    public Uni<Response> endorse(@PathParam("id") UUID id) {
        return insights.endorse(id).map(this::ok);
    }

    @POST
    @Path("{id}/safety-report")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Record that the adverse event mentioned was forwarded to Drug Safety (If-Match)")
    public Uni<Response> safetyReport(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull SafetyReport body) {
        return insights.safetyReported(id, Versions.expected(ifMatch), body.safetyReportId()).map(this::ok);
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Search insights", description = "q: full-text search ranked by relevance and endorsements "
            + "(strong signals rise); otherwise newest first. Within what you may see. The period applies to creation.")
    public Uni<Page<InsightView>> search(@Valid @BeanParam SearchQuery query) {
        return queries.search(query.criteria(), query.page()).map(page -> page.map(InsightView::from));
    }

    /**
     * The query parameters of {@code GET /insights}: the words and filters, and the page. Filters are matched in
     * SQL: what the database cannot store (a NUL, control characters) is a 400, not a 500.
     */
    public record SearchQuery(
            @QueryParam("q") @Size(max = 200) @Pattern(regexp = TEXT, message = NO_CONTROL) String q,
            @QueryParam("status") InsightStatus status,
            @QueryParam("category") InsightDocument.Category category,
            @QueryParam("therapeuticArea") @Pattern(regexp = CODE, message = "a therapeutic area code") String therapeuticArea,
            @QueryParam("tag") @Pattern(regexp = TAG, message = "a lower-case keyword") String tag,
            @QueryParam("kolId") UUID kolId,
            @QueryParam("author") @Size(max = 100) @Pattern(regexp = TEXT, message = NO_CONTROL) String author,
            @QueryParam("team") @Size(max = 100) @Pattern(regexp = TEXT, message = NO_CONTROL) String team,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {

        /** Blank words search nothing: the list is then newest first. */
        InsightSearch criteria() {
            return new InsightSearch(q == null || q.isBlank() ? null : q, status, category, therapeuticArea, tag, kolId,
                    author, team, from, to);
        }

        PageRequest page() {
            return PageRequest.of(limit, cursor);
        }
    }

    @GET
    @Path("themes")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Rising and falling themes", description = "The top tags and categories of the insights "
            + "submitted in [from, to), with their change against the period before of the same length.")
    public Uni<InsightQueries.Themes> themes(
            @QueryParam("therapeuticArea") @Pattern(regexp = CODE, message = "a therapeutic area code") String therapeuticArea,
            @QueryParam("from") @NotNull Instant from, @QueryParam("to") @NotNull Instant to) {
        return queries.themes(therapeuticArea, from, to);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Audit trail of an insight")
    public Uni<Page<AuditEntryView>> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return queries.history(id, PageRequest.of(limit, cursor));
    }

    private Response ok(Insight insight) {
        return Responses.ok(InsightView.from(insight), insight.version());
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ActionTaken(@NotBlank @Size(max = 4000) String actionTaken) {
    }

    /** Drug Safety's case id: an identifier (it is published), never words about the patient or the KOL. */
    public record SafetyReport(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]*", message = "a Drug Safety case identifier (letters, digits, . _ : / -)") String safetyReportId) {
    }
}
