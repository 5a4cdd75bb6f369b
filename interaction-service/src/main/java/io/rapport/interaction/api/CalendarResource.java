package io.rapport.interaction.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.rapport.interaction.domain.CalendarService;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.domain.DomainException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** An MSL's planned interactions as a calendar that Outlook or Google can subscribe to, by a secret URL. */
@Path("/calendar")
@Tag(name = "Calendar feed", description = "Planned interactions in the MSL's calendar")
public class CalendarResource {

    private static final Logger LOG = Logger.getLogger(CalendarResource.class);

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
                        .header("Cache-Control", "private, max-age=300").build())
                .onFailure(e -> !(e instanceof DomainException)).transform(CalendarResource::withoutPath);
    }

    /**
     * The token is the secret and this URL's path holds it: an unexpected failure is logged here without the path
     * (the general handler logs the path of a 500) and answered as a 503 the calendar client retries.
     */
    private static Throwable withoutPath(Throwable e) {
        LOG.errorf("Calendar feed failed: %s", e.getClass().getName());
        return ProblemException.unavailable("The calendar feed cannot be served right now; retry shortly");
    }
}
