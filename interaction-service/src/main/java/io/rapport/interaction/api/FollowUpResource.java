package io.rapport.interaction.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import io.rapport.platform.api.JsonBodies;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Responses;
import io.rapport.platform.api.Versions;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups", description = "Actions promised in an interaction, and Drug Safety obligations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    static final String COLLECTION = "/api/v1/follow-ups";

    private final FollowUpService followUps;
    private final JsonBodies bodies;

    public FollowUpResource(FollowUpService followUps, JsonBodies bodies) {
        this.followUps = followUps;
        this.bodies = bodies;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read a follow-up")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return followUps.get(id).map(FollowUpResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Change or close a follow-up (JSON Merge Patch, If-Match)", description = "description, "
            + "dueDate, assignee (an MSL of the same team; for a manager one they manage), and status OPEN to DONE or "
            + "DROPPED (final). A Drug Safety follow-up is not dropped by its assignee (403 safety-follow-up-owed).")
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        Patch<FollowUpService.Editable> change = bodies.patch(patch, FollowUpService.Editable.class);
        return followUps.patch(id, Versions.expected(ifMatch), change).map(FollowUpResource::ok);
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List follow-ups, soonest due first", description = "assignee=me for your own; overdue=true "
            + "for open ones past their due date (in each follow-up's time zone).")
    public Uni<Page<FollowUpView>> list(@BeanParam Listing listing) {
        return followUps.list(listing.assignee(), listing.status(), listing.overdue(), listing.kolId(), listing.page())
                .map(page -> page.map(FollowUpView::from));
    }

    /** The query of a listing: its filters and its page. */
    public record Listing(@QueryParam("assignee") String assignee, @QueryParam("status") FollowUp.Status status,
            @QueryParam("overdue") Boolean overdue, @QueryParam("kolId") UUID kolId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {

        PageRequest page() {
            return PageRequest.of(limit, cursor);
        }
    }

    private static Response ok(FollowUp followUp) {
        return Responses.ok(FollowUpView.from(followUp), followUp.version());
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
