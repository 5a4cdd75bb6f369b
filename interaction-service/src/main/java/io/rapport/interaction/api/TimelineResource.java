package io.rapport.interaction.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interaction.domain.Timeline;
import io.rapport.interaction.domain.TimelineEntry;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/kols/{kolId}/timeline")
@Tag(name = "Timeline", description = "A KOL's history with the MSL team")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final Timeline timeline;

    public TimelineResource(Timeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "The KOL's interactions, follow-ups and requests, newest first", description = "What you may see (an MSL their own, a manager their teams'); other teams' completed "
            + "interactions only as CONTACT entries: who met the KOL and when, without id or content.")
    public Uni<Page<TimelineEntry>> timeline(@PathParam("kolId") UUID kolId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return timeline.of(kolId, PageRequest.of(limit, cursor));
    }
}
