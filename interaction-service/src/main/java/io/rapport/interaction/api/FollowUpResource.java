package io.rapport.interaction.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.interaction.domain.FollowUp;
import io.rapport.interaction.domain.FollowUpService;
import io.rapport.interaction.domain.LegalBasis;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Page;
import io.rapport.platform.api.PageRequest;
import io.rapport.platform.api.Versions;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups", description = "Actions promised in an interaction, and Drug Safety obligations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    private final FollowUpService followUps;

    public FollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read a follow-up")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return followUps.get(id).map(f -> Response.ok(FollowUpView.from(f)).header("ETag", Versions.etag(f.version()))
                .build());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Change or close a follow-up (JSON Merge Patch, If-Match)", description = "description, "
            + "dueDate, assignee (an MSL of the same team; for a manager one they manage), and status OPEN to DONE or "
            + "DROPPED (final). A Drug Safety follow-up is not dropped by its assignee (403 safety-follow-up-owed).")
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode patch) {
        return followUps.patch(id, ifMatch, patch).map(f -> Response.ok(FollowUpView.from(f))
                .header("ETag", Versions.etag(f.version())).build());
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List follow-ups, soonest due first", description = "assignee=me for your own; overdue=true "
            + "for open ones past their due date (in each follow-up's time zone).")
    public Uni<Page<FollowUpView>> list(@QueryParam("assignee") String assignee,
            @QueryParam("status") FollowUp.Status status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("kolId") UUID kolId, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return followUps.list(assignee, status, overdue, kolId, PageRequest.of(limit, cursor))
                .map(page -> page.map(FollowUpView::from));
    }

    /** A follow-up as the API shows it. */
    @Schema(name = "FollowUp")
    public record FollowUpView(UUID id, UUID interactionId, UUID medicalRequestId, UUID kolId, String assignee,
            String team, FollowUp.Kind kind, String description, LocalDate dueDate, String timeZone,
            FollowUp.Status status, boolean overdue, Instant completedAt, LegalBasis legalBasis, long version,
            Instant createdAt) {

        public static FollowUpView from(FollowUp f) {
            return new FollowUpView(f.id(), f.interactionId(), f.medicalRequestId(), f.kolId(), f.assignee(), f.team(),
                    f.kind(), f.description(), f.dueDate(), f.timeZone(), f.status(), f.overdue(Instant.now()),
                    f.completedAt(), f.legalBasis(), f.version(), f.createdAt());
        }
    }
}
