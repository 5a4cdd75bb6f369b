package io.rapport.platform.config;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared Kafka settings as each client gets them: set once, the client's own win. */
@Tag("unit")
class KafkaClientsTest {

    /** What Quarkus collects from kafka.* (it adds the application name as group.id). */
    private static final Map<String, Object> SHARED = Map.of("bootstrap.servers", "kafka-bootstrap:9093",
            "security.protocol", "SSL", "ssl.truststore.location", "/etc/kafka-ca/ca.p12", "metadata.max.age.ms", "120000",
            "acks", "1", "group.id", "kol-service");

    @Test
    void shouldGiveEveryClientTheSharedSettingsWithItsOwnWinning() {
        Map<String, Object> producer = new KafkaClients(SHARED, "kol-service").client("outbox", Map.of("acks", "all"));
        assertThat(producer).containsEntry("bootstrap.servers", "kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.p12").containsEntry("metadata.max.age.ms", "120000")
                .containsEntry("acks", "all").containsEntry("client.id", "kol-service-outbox");
    }

    @Test
    void shouldLeaveTheSharedGroupOutAndUseASharedClientIdAsPrefix() {
        Map<String, Object> shared = new java.util.HashMap<>(SHARED);
        shared.put("client.id", "rapport-prod");
        Map<String, Object> consumer = new KafkaClients(shared, "metrics-service").client("rebuild", Map.of());
        assertThat(consumer).doesNotContainKey("group.id").containsEntry("client.id", "rapport-prod-rebuild")
                .containsEntry("metadata.max.age.ms", "120000");
    }
}
