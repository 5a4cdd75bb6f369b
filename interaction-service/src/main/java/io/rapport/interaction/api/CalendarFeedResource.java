package io.rapport.interaction.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interaction.domain.CalendarService;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Creating, rotating and revoking the caller's secret calendar feed URL. */
@Path("/api/v1/msls/me/calendar-feed")
@Tag(name = "Calendar feed")
public class CalendarFeedResource {

    private final CalendarService calendars;

    public CalendarFeedResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Create or rotate your calendar feed", description = "Answers a secret URL (a 256-bit token "
            + "shown only now) to subscribe to in Outlook or Google, which fetch feeds without a bearer token. Calling "
            + "it again rotates the token: the previous URL stops working.")
    public Uni<Response> issue(@Context UriInfo uri) {
        return calendars.issue().map(issued -> Response.status(201).entity(new Feed(
                uri.getBaseUriBuilder().path("calendar").path(issued.token() + ".ics").build().toString(),
                issued.createdAt())).build());
    }

    @DELETE
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER })
    @Operation(summary = "Revoke your calendar feed", description = "The URL answers 404 from now on.")
    public Uni<Response> revoke() {
        return calendars.revoke().map(ignored -> Response.noContent().build());
    }

    /** A created or rotated feed. */
    public record Feed(String url, Instant createdAt) {
    }
}
