package io.rapport.insight.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.insight.domain.KolErasure;
import io.rapport.insight.domain.PersonalData;
import io.rapport.insight.domain.Recommendations;
import io.rapport.insight.domain.ShareService;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/kols/{kolId}")
@Tag(name = "Shares")
@Produces(MediaType.APPLICATION_JSON)
public class KolContentResource {

    private final ShareService shares;
    private final Recommendations recommendations;
    private final PersonalData personalData;

    public KolContentResource(ShareService shares, Recommendations recommendations, PersonalData personalData) {
        this.shares = shares;
        this.recommendations = recommendations;
        this.personalData = personalData;
    }

    @GET
    @Path("shares")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "What was shared with a KOL, newest first", description = "Shares the caller may see in "
            + "full (their own; a manager's teams'; everything for admin, integration, reporting); another team's "
            + "show only who shared and when (summary: true).")
    public Uni<Page<ShareResource.ShareView>> shares(@PathParam("kolId") UUID kolId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return shares.ofKol(kolId, PageRequest.of(limit, cursor)).map(page -> page.map(ShareResource.ShareView::of));
    }

    @GET
    @Path("personal-data")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything insight-service holds about a KOL (GDPR Art. 15, admin)", description = "The "
            + "insights about the KOL with their free text and whole audit trail, the shares with them, and the "
            + "replicas naming them; after an erasure, what the law keeps under the pseudonym. An unknown KOL has "
            + "empty lists.")
    public Uni<PersonalDataView> personalData(@PathParam("kolId") UUID kolId) {
        return personalData.of(kolId).map(held -> new PersonalDataView(KolErasure.SERVICE, kolId, new PersonalDataView.Records(
                held.insights().stream().map(r -> new PersonalDataView.InsightRecord(InsightView.from(r.insight()),
                        r.history())).toList(),
                held.shares().stream().map(ShareResource.ShareView::from).toList(), held.replicas())));
    }

    /** The Art. 15 answer of this service, in the shape kol-service aggregates. */
    @Schema(name = "PersonalData")
    public record PersonalDataView(String service, UUID kolId, Records records) {

        public record Records(List<InsightRecord> insights, List<ShareResource.ShareView> shares,
                List<PersonalData.ReplicaRecord> replicas) {
        }

        public record InsightRecord(InsightView insight, List<AuditEntryView> history) {
        }
    }

    @GET
    @Path("recommended-resources")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "What to share next with a KOL", description = "Approved, unexpired, proactive content "
            + "approved in the KOL's country and not yet shared with them, ranked by how its therapeutic areas and "
            + "tags match the KOL's areas and research topics (codes of kol-service's research-topic vocabulary, "
            + "matched keyword by keyword: tag immunotherapy matches topic immunotherapy-resistance); each says why.")
    public Uni<List<Recommended>> recommended(@PathParam("kolId") UUID kolId,
            @QueryParam("limit") @Min(1) @Max(50) Integer limit) {
        return recommendations.forKol(kolId, limit == null ? 10 : limit).map(list -> list.stream()
                .map(r -> new Recommended(ResourceResource.ResourceView.from(r.resource()), r.score(), r.reasons()))
                .toList());
    }

    /** A recommended resource, its score and the reasons. */
    public record Recommended(ResourceResource.ResourceView resource, int score, List<String> why) {
    }
}
