package io.rapport.metrics.api;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard is a static page (META-INF/resources/dashboard); /dashboard leads to it. */
@Path("/dashboard")
@Tag(name = "Dashboard")
public class DashboardResource {

    @GET
    @PermitAll
    @Operation(summary = "The medical managers' dashboard (a page; paste a token into it)")
    public Response dashboard() {
        return Response.seeOther(URI.create("/dashboard/")).build();
    }
}
