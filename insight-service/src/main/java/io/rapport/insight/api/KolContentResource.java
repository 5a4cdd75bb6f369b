package io.rapport.insight.api;

import io.rapport.insight.domain.Recommendations;
import io.rapport.insight.domain.ShareService;
import io.rapport.platform.api.Page;
import io.rapport.platform.api.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/kols/{kolId}")
@Tag(name = "Shares")
@Produces(MediaType.APPLICATION_JSON)
public class KolContentResource {

    private final ShareService shares;
    private final Recommendations recommendations;

    public KolContentResource(ShareService shares, Recommendations recommendations) {
        this.shares = shares;
        this.recommendations = recommendations;
    }

    @GET
    @Path("shares")
    @RolesAllowed({Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING})
    @Operation(summary = "What was shared with a KOL, newest first")
    public Uni<Page<ShareResource.ShareView>> shares(@PathParam("kolId") UUID kolId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return shares.ofKol(kolId, PageRequest.of(limit, cursor)).map(page -> page.map(ShareResource.ShareView::from));
    }

    @GET
    @Path("recommended-resources")
    @RolesAllowed({Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING})
    @Operation(summary = "What to share next with a KOL", description = "Approved, unexpired, proactive content "
            + "approved in the KOL's country and not yet shared with them, ranked by how its therapeutic areas and "
            + "tags match the KOL's areas and research interests; each says why.")
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
