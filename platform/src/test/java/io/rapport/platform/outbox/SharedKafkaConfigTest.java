package io.rapport.platform.outbox;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.config.KafkaClients;
import io.rapport.testing.DevstackResource;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kafka setting set once ({@code kafka.metadata.max.age.ms} in the test application.properties, like TLS or SASL
 * settings would be) reaches every client: the relay's producer, a rebuild's consumer and the messaging channel.
 */
@QuarkusTest
class SharedKafkaConfigTest {

    @Inject
    KafkaPublisher publisher;
    @Inject
    KafkaClients clients;
    @Inject
    KafkaClientService messaging;

    @Test
    void shouldGiveTheRelaysProducerTheSharedSettingsAndKeepItsOwn() {
        assertThat(publisher.producerConfig()).containsEntry("metadata.max.age.ms", "120000")
                .containsEntry("bootstrap.servers", DevstackResource.bootstrapServers())
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "platform-test-outbox").doesNotContainKey("group.id");
    }

    @Test
    void shouldGiveAConsumerOfTheRebuildKindTheSharedSettings() {
        // what metrics-service's KafkaRebuildSource asks for
        Map<String, Object> rebuild = clients.client("rebuild", Map.of("enable.auto.commit", "false"));
        assertThat(rebuild).containsEntry("metadata.max.age.ms", "120000")
                .containsEntry("bootstrap.servers", DevstackResource.bootstrapServers()).doesNotContainKey("group.id");
    }

    @Test
    void shouldGiveTheMessagingConsumerTheSameSettings() {
        Map<String, ?> channel = messaging.getConsumer("rapport-events").configuration();
        assertThat(channel.get("metadata.max.age.ms")).hasToString("120000");
        assertThat(channel.get("bootstrap.servers")).hasToString(DevstackResource.bootstrapServers());
    }
}
