package io.rapport.platform.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps what the logs keep out of the traces too: a query string keeps its parameter names only ({@code q=*&limit=*}:
 * a search may name a person), and a path the same form as in the log (a calendar feed's secret token is masked).
 * Applied as each span starts, so no exporter ever sees the originals.
 */
@Singleton
public class SpanRedaction implements SpanProcessor {

    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, namesOnly(query));
        }
        String path = span.getAttribute(URL_PATH);
        if (path != null) {
            span.setAttribute(URL_PATH, ProblemMappers.loggable(path));
        }
        redactTarget(span, URL_FULL);
        redactTarget(span, HTTP_TARGET);
    }

    private static void redactTarget(ReadWriteSpan span, AttributeKey<String> key) {
        String target = span.getAttribute(key);
        if (target != null) {
            int question = target.indexOf('?');
            span.setAttribute(key, question < 0 ? ProblemMappers.loggable(target)
                    : ProblemMappers.loggable(target.substring(0, question)) + "?" + namesOnly(target.substring(question + 1)));
        }
    }

    static String namesOnly(String query) {
        return Arrays.stream(query.split("&")).filter(p -> !p.isEmpty())
                .map(p -> (p.indexOf('=') < 0 ? p : p.substring(0, p.indexOf('='))) + "=*").collect(Collectors.joining("&"));
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
