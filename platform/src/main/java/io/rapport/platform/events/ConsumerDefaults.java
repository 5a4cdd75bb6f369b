package io.rapport.platform.events;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The settings of the {@code rapport-events} channel, for the services that consume: they declare only
 * {@code mp.messaging.incoming.rapport-events.topics}. (Declared for every service, the channel would fail
 * the start of a service without a consumer.) Records arrive in batches of bytes for the platform's
 * {@link EventConsumer}; Kafka is not part of readiness, since the outbox keeps accepting writes during an
 * outage, and a batch held back by a database outage is no reason to report the consumer unhealthy. The
 * connector's own tracing is off: it would start a trace per record from a plain {@code traceparent} header, which
 * the events do not carry; {@link EventConsumer} handles each event in a span of the trace in its
 * {@code ce_traceparent}.
 */
public class ConsumerDefaults implements ConfigSourceFactory {

    static final String CHANNEL = "mp.messaging.incoming.rapport-events.";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getValue(CHANNEL + "topics").getValue() == null) {
            return List.of();
        }
        String group = context.getValue("quarkus.application.name").getValue();
        return List.of(new MapBackedConfigSource("rapport-consumer-defaults", Map.of(
                CHANNEL + "connector", "smallrye-kafka",
                CHANNEL + "batch", "true",
                CHANNEL + "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                CHANNEL + "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                CHANNEL + "cloud-events", "false",
                CHANNEL + "auto.offset.reset", "earliest",
                CHANNEL + "group.id", group == null ? "rapport" : group,
                CHANNEL + "health-readiness-enabled", "false",
                CHANNEL + "tracing-enabled", "false",
                CHANNEL + "throttled.unprocessed-record-max-age.ms", "-1"), 90) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(90);
    }
}
