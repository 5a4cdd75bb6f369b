package io.rapport.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/** Puts events on a topic the way another service would (or a broken producer would), for consumer tests. */
public final class EventSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventSender() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevstackResource.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A binary-mode CloudEvent with the given id, as the owning service would publish it. */
    public void send(String topicName, UUID id, String type, String subject, JsonNode data) {
        CloudEvent event = CloudEventBuilder.v1().withId(id.toString()).withType(type)
                .withSource(URI.create("/test-producer")).withSubject(subject).withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(data.toString().getBytes(StandardCharsets.UTF_8)).build();
        await(KafkaMessageFactory.createWriter(DevstackResource.topic(topicName), subject).writeBinary(event));
    }

    /** Any bytes with any headers: poison for a consumer. */
    public void sendRaw(String topicName, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(DevstackResource.topic(topicName), key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        await(record);
    }

    private void await(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
