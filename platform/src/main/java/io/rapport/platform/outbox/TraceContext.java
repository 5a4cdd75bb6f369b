package io.rapport.platform.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.extensions.DistributedTracingExtension;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context as it travels with an event: {@code traceparent} and {@code tracestate} (each null when
 * absent). Stored with the outbox row, sent as the CloudEvents distributed-tracing extension (the
 * {@code ce_traceparent} / {@code ce_tracestate} headers in binary mode) and continued by the consumers. Written
 * and read by OpenTelemetry's W3C propagator, never by hand.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(DistributedTracingExtension.TRACEPARENT, DistributedTracingExtension.TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case DistributedTracingExtension.TRACEPARENT -> carrier.traceparent;
                case DistributedTracingExtension.TRACESTATE -> carrier.tracestate;
                default -> null;
            };
        }
    };

    /** The context of the span current here (a traced request, a consumer's handling), or {@link #NONE}. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The span of the given context as W3C headers, or {@link #NONE} when it holds no valid span. */
    public static TraceContext of(Context context) {
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, Map::put);
        String traceparent = carrier.get(DistributedTracingExtension.TRACEPARENT);
        return traceparent == null ? NONE : new TraceContext(traceparent, carrier.get(DistributedTracingExtension.TRACESTATE));
    }

    /** The distributed-tracing extension of a CloudEvent, or {@link #NONE} when it has none. */
    public static TraceContext of(CloudEvent event) {
        Object traceparent = event.getExtension(DistributedTracingExtension.TRACEPARENT);
        Object tracestate = event.getExtension(DistributedTracingExtension.TRACESTATE);
        return traceparent == null ? NONE
                : new TraceContext(traceparent.toString(), tracestate == null ? null : tracestate.toString());
    }

    public boolean isPresent() {
        return traceparent != null;
    }

    /**
     * The given context with this trace's span as its (remote) parent span; the context unchanged when there is
     * no trace context or it is not a valid one.
     */
    public Context parentIn(Context base) {
        return isPresent() ? W3C.extract(base, this, GETTER) : base;
    }

    /** As the CloudEvents extension, to add to an event. */
    public DistributedTracingExtension extension() {
        DistributedTracingExtension extension = new DistributedTracingExtension();
        extension.setTraceparent(traceparent);
        extension.setTracestate(tracestate);
        return extension;
    }
}
