package io.rapport.platform.config;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

import static org.assertj.core.api.Assertions.assertThat;

/** Spans go to a collector only when one was configured (TracingTest shows nothing connects otherwise). */
@Tag("unit")
class TracingDefaultsTest {

    @Test
    void shouldTurnTheExportOffWhenNoEndpointIsConfigured() {
        assertThat(defaults(Map.of())).containsEntry(TracingDefaults.TRACES_ENDPOINT, " ");
        assertThat(defaults(Map.of(TracingDefaults.TRACES_ENDPOINT, "http://localhost:4317/")))
                .as("Quarkus' own default is no choice").containsEntry(TracingDefaults.TRACES_ENDPOINT, " ");
    }

    @Test
    void shouldLeaveAConfiguredEndpointAlone() {
        assertThat(defaults(Map.of(TracingDefaults.ENDPOINT, "http://otel-collector.observability:4317"))).isEmpty();
        assertThat(defaults(Map.of(TracingDefaults.TRACES_ENDPOINT, "https://traces.example.com:4318"))).isEmpty();
    }

    private static Map<String, String> defaults(Map<String, String> configured) {
        ConfigSourceContext context = new ConfigSourceContext() {

            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(configured.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return configured.keySet().iterator();
            }
        };
        List<ConfigSource> sources = StreamSupport.stream(new TracingDefaults().getConfigSources(context).spliterator(), false)
                .toList();
        return sources.isEmpty() ? Map.of() : sources.get(0).getProperties();
    }
}
