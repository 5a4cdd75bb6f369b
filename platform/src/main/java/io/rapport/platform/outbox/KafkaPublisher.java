package io.rapport.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.rapport.platform.config.KafkaClients;
import io.rapport.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;

/**
 * The service's one Kafka producer: idempotent, {@code acks=all}, used by the outbox relay and for
 * dead letters. Sends run on a dedicated thread because {@code KafkaProducer.send} may block (metadata,
 * full buffer) and must never block an event loop. Its configuration starts from the service's shared Kafka
 * settings ({@link KafkaClients}: servers, TLS, SASL).
 *
 * <p>
 * An event appended in a trace is sent in a {@code send <topic>} span, a child of the stored context, and carries
 * that span's context as the CloudEvents distributed-tracing extension ({@code ce_traceparent},
 * {@code ce_tracestate}), so the consumers' handling joins the trace of the change.
 */
@ApplicationScoped
public class KafkaPublisher {

    private final KafkaClients clients;
    private final String source;
    private final PlatformConfig config;
    private final Tracer tracer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rapport-kafka-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaProducer<String, byte[]> producer;

    public KafkaPublisher(KafkaClients clients, @ConfigProperty(name = "quarkus.application.name") String service,
            PlatformConfig config, Tracer tracer) {
        this.clients = clients;
        this.source = "/" + service;
        this.config = config;
        this.tracer = tracer;
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
            CompletableFuture<Void> send = sendTraced(row);
            if (send.isCompletedExceptionally()) {
                refused = send.handle((ok, e) -> e).join();
            }
            sends.add(send);
        }
        return sends;
    }

    /** Sends a row, in a span of the trace it was appended in (if any) that ends when Kafka answered. */
    private CompletableFuture<Void> sendTraced(OutboxRow row) {
        Span span = row.trace().isPresent() ? sendSpan(row) : Span.getInvalid();
        CompletableFuture<Void> send;
        try {
            send = sendOne(record(row, TraceContext.of(Context.root().with(span))));
        } catch (RuntimeException e) {
            send = CompletableFuture.failedFuture(e);
        }
        return send.whenComplete((ok, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        });
    }

    private Span sendSpan(OutboxRow row) {
        String topic = topic(row.topic());
        return tracer.spanBuilder("send " + topic).setSpanKind(SpanKind.PRODUCER)
                .setParent(row.trace().parentIn(Context.root()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", row.eventId().toString())
                .setAttribute("cloudevents.event_id", row.eventId().toString())
                .setAttribute("cloudevents.event_type", row.type())
                .startSpan();
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

    private ProducerRecord<String, byte[]> record(OutboxRow row, TraceContext trace) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(row.eventId().toString())
                .withType(row.type())
                .withSource(URI.create(source))
                .withSubject(row.aggregateId())
                .withTime(row.occurredAt())
                .withDataContentType("application/json")
                .withData(row.payload().getBytes(StandardCharsets.UTF_8));
        if (trace.isPresent()) {
            builder.withExtension(trace.extension());
        }
        CloudEvent event = builder.build();
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

    /** The shared Kafka settings (servers, TLS, SASL), then the relay's own, which win. */
    Map<String, Object> producerConfig() {
        return clients.client("outbox", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.LINGER_MS_CONFIG, String.valueOf(config.outbox().lingerMs()),
                // fail a batch within seconds while Kafka is away; the rows stay in the outbox and go out later
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000"));
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        sender.shutdown();
    }
}
