package io.rapport.platform.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Spans are exported only to a collector that was configured ({@code quarkus.otel.exporter.otlp.endpoint} or
 * {@code quarkus.otel.exporter.otlp.traces.endpoint}). Without one, Quarkus would export to
 * {@code http://localhost:4317} and log a failure every few seconds when nothing listens there. Tracing itself stays
 * on either way: requests and events still get trace ids (in the logs and on the events), and the context is still
 * propagated; only the export is off.
 *
 * <p>
 * How: with neither endpoint set, the traces endpoint is given a blank value. Quarkus falls back to its default
 * for an unset (empty) endpoint, but installs no exporter for one that is blank once trimmed.
 */
public class TracingDefaults implements ConfigSourceFactory {

    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    /** Quarkus' default, which counts as not configured. */
    static final String QUARKUS_DEFAULT = "http://localhost:4317/";
    static final String NO_EXPORT = " ";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (configured(context.getValue(ENDPOINT).getValue()) || configured(context.getValue(TRACES_ENDPOINT).getValue())) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("rapport-tracing-defaults", Map.of(TRACES_ENDPOINT, NO_EXPORT), 90) {
        });
    }

    private static boolean configured(String endpoint) {
        return endpoint != null && !endpoint.isBlank() && !QUARKUS_DEFAULT.equals(endpoint.trim());
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(90);
    }
}
