package io.rapport.platform.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import static org.assertj.core.api.Assertions.assertThat;

/** What an exporter would receive of an HTTP span: no search words, no calendar token. */
@Tag("unit")
class SpanRedactionTest {

    @Test
    void shouldKeepOnlyTheQueryParameterNamesAndMaskTheCalendarToken() {
        List<SpanData> exported = new ArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new SpanRedaction())
                .addSpanProcessor(collecting(exported)).build()) {
            Span search = provider.get("test").spanBuilder("GET /api/v1/kols")
                    .setAttribute("url.path", "/api/v1/kols").setAttribute("url.query", "q=Quillfeather+Berlin&limit=20&")
                    .startSpan();
            search.end();
            Span feed = provider.get("test").spanBuilder("GET /calendar/{token}.ics")
                    .setAttribute("url.path", "/calendar/s3cr3t-t0ken.ics").startSpan();
            feed.end();
            Span call = provider.get("test").spanBuilder("GET").setAttribute("url.full",
                    "http://insight:8083/api/v1/insights?q=Quillfeather").startSpan();
            call.end();
        }
        assertThat(exported).hasSize(3);
        assertThat(exported.get(0).getAttributes().get(AttributeKey.stringKey("url.query"))).isEqualTo("q=*&limit=*");
        assertThat(exported.get(1).getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/calendar/***");
        assertThat(exported.get(2).getAttributes().get(AttributeKey.stringKey("url.full")))
                .isEqualTo("http://insight:8083/api/v1/insights?q=*");
    }

    private static SpanProcessor collecting(List<SpanData> exported) {
        return new SpanProcessor() {

            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {
            }

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                exported.add(span.toSpanData());
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
    }
}
