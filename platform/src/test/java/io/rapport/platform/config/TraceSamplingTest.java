package io.rapport.platform.config;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

import static org.assertj.core.api.Assertions.assertThat;

/** Timer-driven statements make no traces of their own; everything in a trace is sampled as configured. */
@Tag("unit")
class TraceSamplingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Attributes STATEMENT = Attributes.builder().put("db.system", "postgresql").build();
    private final TraceSampling sampling = new TraceSampling("parentbased_always_on", 1.0);

    @Test
    void shouldDropAStatementOutsideAnyTrace() {
        assertThat(decision(Context.root(), SpanKind.CLIENT, STATEMENT)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void shouldSampleAStatementInASampledTraceAndEveryRootRequest() {
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault())));
        assertThat(decision(request, SpanKind.CLIENT, STATEMENT)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(Context.root(), SpanKind.SERVER, Attributes.empty())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(Context.root(), SpanKind.CLIENT, Attributes.empty())).as("an HTTP call")
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void shouldKeepTheConfiguredSampler() {
        assertThat(new TraceSampling("parentbased_always_off", 1.0).getDescription()).contains("AlwaysOffSampler");
        assertThat(new TraceSampling("parentbased_traceidratio", 0.25).getDescription()).contains("0.25");
    }

    private SamplingDecision decision(Context parent, SpanKind kind, Attributes attributes) {
        return sampling.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }
}
