package io.rapport.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.rapport.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;

/**
 * The service's one Kafka producer: idempotent, {@code acks=all}, used by the outbox relay and for
 * dead letters. Sends run on a dedicated thread because {@code KafkaProducer.send} may block (metadata,
 * full buffer) and must never block an event loop.
 */
@ApplicationScoped
public class KafkaPublisher {

    private final String bootstrapServers;
    private final String source;
    private final PlatformConfig config;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rapport-kafka-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaProducer<String, byte[]> producer;

    public KafkaPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String service, PlatformConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.source = "/" + service;
        this.config = config;
    }

    /** The actual topic name: the logical one with the configured prefix. */
    public String topic(String logical) {
        return config.topicPrefix().orElse("") + logical;
    }

    /**
     * Publishes the rows in order as binary-mode CloudEvents, keyed by aggregate id. Completes with the ids
     * of the rows Kafka acknowledged (all of them unless some failed).
     */
    public Uni<List<Long>> publish(List<OutboxRow> rows) {
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> sendAll(rows), sender)
                .thenCompose(sends -> CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .handle((ignored, failure) -> sends))
                .thenApply(sends -> {
                    List<Long> acknowledged = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        if (!sends.get(i).isCompletedExceptionally()) {
                            acknowledged.add(rows.get(i).id());
                        }
                    }
                    return acknowledged;
                }));
    }

    /** Sends one record as it is (dead letters) and completes when Kafka acknowledged it. */
    public Uni<Void> send(ProducerRecord<String, byte[]> record) {
        return Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> sendOne(record), sender)
                .thenCompose(f -> f)).replaceWithVoid();
    }

    private List<CompletableFuture<Void>> sendAll(List<OutboxRow> rows) {
        List<CompletableFuture<Void>> sends = new ArrayList<>(rows.size());
        Throwable refused = null;
        for (OutboxRow row : rows) {
            if (refused != null) {
                // the producer refused a record outright (no metadata within max.block.ms): Kafka is away,
                // and every further send would block as long again
                sends.add(CompletableFuture.failedFuture(refused));
                continue;
            }
            CompletableFuture<Void> send;
            try {
                send = sendOne(record(row));
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            if (send.isCompletedExceptionally()) {
                refused = send.handle((ok, e) -> e).join();
            }
            sends.add(send);
        }
        return sends;
    }

    private CompletableFuture<Void> sendOne(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private ProducerRecord<String, byte[]> record(OutboxRow row) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.eventId().toString())
                .withType(row.type())
                .withSource(URI.create(source))
                .withSubject(row.aggregateId())
                .withTime(row.occurredAt())
                .withDataContentType("application/json")
                .withData(row.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(topic(row.topic()), row.aggregateId()).writeBinary(event);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, source.substring(1) + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(config.outbox().lingerMs()));
        // fail a batch within seconds while Kafka is away; the rows stay in the outbox and go out later
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        return props;
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        sender.shutdown();
    }
}
