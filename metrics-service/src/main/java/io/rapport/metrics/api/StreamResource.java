package io.rapport.metrics.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.rapport.metrics.config.MetricsConfig;
import io.rapport.metrics.domain.Change;
import io.rapport.metrics.domain.ChangeFeed;
import io.rapport.metrics.domain.MetricsService;
import io.rapport.metrics.domain.Scope;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.security.Roles;
import io.rapport.platform.validation.Uuids;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/metrics/stream")
@Tag(name = "Metrics")
public class StreamResource {

    private static final String WATCHED = "rapport.metrics.watched";
    private static final String SLOT = "rapport.metrics.stream-slot";
    private static final List<String> WATCHERS = List.of(Roles.REPORTING, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.MSL);

    private final ChangeFeed listener;
    private final MetricsService metrics;
    private final MetricsConfig config;
    private final StreamSlots slots;
    private final JsonWebToken token;

    public StreamResource(ChangeFeed listener, MetricsService metrics, MetricsConfig config, StreamSlots slots,
            JsonWebToken token) {
        this.listener = listener;
        this.metrics = metrics;
        this.config = config;
        this.slots = slots;
        this.token = token;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.REPORTING, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.MSL })
    @ResponseHeader(name = "Cache-Control", value = "no-cache, no-transform")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Server-sent events when the numbers you watch change", description = "Watches the scope "
            + "of GET /summary with the same team and therapeuticArea (or one KOL with kolId). Sends `ready` first, "
            + "then `metrics-changed` (id = change number; refetch what you show), at most one per 250 ms, and a "
            + "comment every 15 s. Reconnect with Last-Event-ID to hear at once about what you missed. Read it with "
            + "fetch() to send the bearer token (EventSource cannot). The stream ends with `token-expired` when the "
            + "token expires: reconnect with a fresh one. At most a few streams per user and a few hundred per "
            + "instance are open at once (rapport.metrics.streams-per-user, streams-per-instance): beyond, 429 "
            + "too-many-streams with Retry-After.")
    @APIResponse(responseCode = "200", description = "The stream: ready, metrics-changed..., token-expired", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "429", description = "Too many streams open for this user or on this instance", content = @Content(mediaType = "application/problem+json"))
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @BeanParam Watch watch,
            @Context ContainerRequestContext request) {
        StreamSlots.Slot slot = (StreamSlots.Slot) request.getProperty(SLOT);
        return untilExpiry(sse, events(sse, (Scope) request.getProperty(WATCHED), watch.lastEventId()))
                .onTermination().invoke(slot::release);
    }

    /**
     * What a subscriber asks to watch: the scope's query parameters (settled, and refused if beyond the caller's
     * rights, by {@link #watched} before the stream opens) and, on reconnection, the last event it heard.
     */
    public record Watch(@QueryParam("team") String team, @QueryParam("therapeuticArea") String therapeuticArea,
            @QueryParam("kolId") UUID kolId, @HeaderParam("Last-Event-ID") String lastEventId) {
    }

    /**
     * Settles what the subscriber watches before the stream opens (an SSE response's head is written at once),
     * so a scope beyond the caller's rights is still a plain 403 problem.
     */
    @ServerRequestFilter
    public Uni<Response> watched(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().endsWith("/metrics/stream")
                || request.getSecurityContext().getUserPrincipal() == null || !mayWatch(request)) {
            // @RolesAllowed refuses these: nothing to settle, and no slot taken that the stream would not return
            return Uni.createFrom().nullItem();
        }
        var query = request.getUriInfo().getQueryParameters();
        UUID kolId;
        try {
            kolId = query.getFirst("kolId") == null ? null : Uuids.parse(query.getFirst("kolId"));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kolId", "must be a UUID");
        }
        return metrics.watched(query.getFirst("team"), query.getFirst("therapeuticArea"), kolId)
                .invoke(scope -> request.setProperty(WATCHED, scope))
                // last: a refused scope or a bad parameter takes no slot
                .invoke(() -> request.setProperty(SLOT, slots.take(token.getSubject())))
                .replaceWith((Response) null);
    }

    private static boolean mayWatch(ContainerRequestContext request) {
        return WATCHERS.stream().anyMatch(request.getSecurityContext()::isUserInRole);
    }

    /**
     * A stream lives as long as the token that opened it: at its expiry the subscriber hears `token-expired` and
     * the stream ends, so a revoked or departed user's dashboard does not follow the numbers forever.
     */
    private Multi<OutboundSseEvent> untilExpiry(Sse sse, Multi<OutboundSseEvent> events) {
        long expiry = token.getExpirationTime();
        if (expiry <= 0) {
            return events;
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        Duration left = Duration.between(Instant.now(), expiresAt);
        OutboundSseEvent expired = sse.newEventBuilder().name("token-expired").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Map.of("expiredAt", expiresAt.toString())).build();
        Multi<OutboundSseEvent> live = left.isNegative() || left.isZero() ? Multi.createFrom().empty()
                : events.select().first(left);
        return Multi.createBy().concatenating().streams(live, Multi.createFrom().item(expired));
    }

    private Multi<OutboundSseEvent> events(Sse sse, Scope scope, String lastEventId) {
        long last = listener.lastSeq();
        OutboundSseEvent ready = sse.newEventBuilder().name("ready").id(Long.toString(last))
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Map.of("scope", scope.label(), "seq", last)).build();
        Multi<OutboundSseEvent> missed = missed(sse, scope, lastEventId);
        Multi<Change> concerning = listener.changes()
                .filter(change -> change.concerns(scope));
        Multi<OutboundSseEvent> changed = Throttle.of(concerning, config.streamCoalesce())
                .map(list -> changed(sse, scope, list));
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(config.streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ready), missed,
                Multi.createBy().merging().streams(changed, heartbeat));
    }

    /** On reconnection: one event at once if anything this scope watches changed since Last-Event-ID. */
    private Multi<OutboundSseEvent> missed(Sse sse, Scope scope, String lastEventId) {
        if (lastEventId == null || !lastEventId.matches("\\d{1,18}")) {
            return Multi.createFrom().empty();
        }
        ChangeFeed.Missed missed = listener.since(Long.parseLong(lastEventId));
        List<Change> concerning = missed.changes().stream().filter(c -> c.concerns(scope)).toList();
        if (concerning.isEmpty() && !missed.gap()) {
            return Multi.createFrom().empty();
        }
        List<Change> sent = concerning.isEmpty() ? missed.changes() : concerning;
        return sent.isEmpty() ? Multi.createFrom().empty() : Multi.createFrom().item(changed(sse, scope, sent));
    }

    private static OutboundSseEvent changed(Sse sse, Scope scope, List<Change> changes) {
        long seq = changes.get(changes.size() - 1).seq();
        return sse.newEventBuilder().name("metrics-changed").id(Long.toString(seq))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Map.of("scope", scope.label(), "seq", seq, "changes", changes.size())).build();
    }
}
