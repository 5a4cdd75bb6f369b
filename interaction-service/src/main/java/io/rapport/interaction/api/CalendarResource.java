package io.rapport.interaction.api;

import io.rapport.interaction.domain.CalendarService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An MSL's planned interactions as a calendar that Outlook or Google can subscribe to, by a secret URL. */
@Path("/calendar")
@Tag(name = "Calendar feed", description = "Planned interactions in the MSL's calendar")
public class CalendarResource {

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("{token}.ics")
    @Produces("text/calendar")
    @PermitAll
    @Operation(summary = "The calendar (iCalendar, RFC 5545)", description = "No bearer token: the URL is the secret. "
            + "404 for an unknown or revoked token.")
    public Uni<Response> feed(@PathParam("token") String token) {
        return calendars.planned(token)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(planned -> Response.ok(CalendarRenderer.render(planned), "text/calendar; charset=utf-8")
                        .header("Cache-Control", "private, max-age=300").build());
    }
}
