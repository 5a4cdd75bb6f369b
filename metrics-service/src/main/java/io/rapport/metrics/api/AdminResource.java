package io.rapport.metrics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.metrics.domain.ProjectionRebuild;
import io.rapport.metrics.domain.RebuildState;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/metrics/admin/rebuild")
@Tag(name = "Metrics administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final ProjectionRebuild rebuild;
    private final Caller caller;

    public AdminResource(ProjectionRebuild rebuild, Caller caller) {
        this.rebuild = rebuild;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Rebuild every projection from the topics", description = "Reads the topics from the "
            + "beginning into shadow tables while live consumption goes on; once caught up, live consumption pauses "
            + "on every instance, the rebuild reaches what the live tables have read, the tables swap in one "
            + "transaction and live consumption resumes. 202 with the state; 409 while a rebuild runs.")
    public Uni<Response> start() {
        return rebuild.start(caller.subject())
                .map(state -> Response.accepted(state).header("Location", "/api/v1/metrics/admin/rebuild").build());
    }

    @GET
    @Operation(summary = "State of the last rebuild", description = "RUNNING, SWAPPING, DONE or FAILED (with the "
            + "reason), events read so far, when it started and finished.")
    public Uni<RebuildState> state() {
        return rebuild.state();
    }
}
