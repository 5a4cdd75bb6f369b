package io.rapport.platform.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Every HTTP request has a correlation id: the caller's {@code X-Correlation-Id} when it sends a plausible one (up
 * to 64 letters, digits, {@code . _ : -}; anything else is ignored, so nobody can write into the log through it),
 * otherwise the request's trace id, otherwise a random UUID. It is in the MDC as {@code correlationId} (so in every
 * log line written while the request runs, next to the {@code traceId} OpenTelemetry adds), answered in the
 * {@code X-Correlation-Id} response header, and quoted by a 500's problem details.
 */
@ApplicationScoped
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Before the other route filters: a request they refuse still answers with its id. */
    private static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(CorrelationIds::tag, PRIORITY);
    }

    private static void tag(RoutingContext routing) {
        String incoming = routing.request().getHeader(HEADER);
        String id = incoming != null && PLAUSIBLE.matcher(incoming).matches() ? incoming : fromTraceOrNew();
        MDC.put(MDC_KEY, id);
        routing.response().putHeader(HEADER, id);
        routing.next();
    }

    /** The correlation id of the request being handled; a new one outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? fromTraceOrNew() : id.toString();
    }

    private static String fromTraceOrNew() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
    }
}
