package io.rapport.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.platform.outbox.TraceContext;
import io.rapport.platform.persistence.DatabaseErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies a batch of Kafka records idempotently. Each event id is recorded in {@code processed_event} in the
 * same transaction as the handler's projection update, so a redelivered event changes nothing.
 *
 * <ul>
 * <li>A record that is not a readable CloudEvent with JSON data, or whose data fails the consumer's schema,
 * goes to {@code <topic>.dlq} with the reason; the others are still applied.</li>
 * <li>A transient failure (database unreachable) is retried with backoff, holding the partition, so nothing
 * accepted is lost or skipped.</li>
 * <li>Each event is handled in a {@code process <topic>} span whose parent is the event's {@code traceparent}
 * (the CloudEvents distributed-tracing extension): the consumer's work joins the trace of the change that
 * published it, and an event the handler appends to the outbox carries that trace on. A replay of history
 * (a projection rebuild, {@link TransactionHooks#deadLetters()} false) continues no trace.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final String MARK_PROCESSED = "INSERT INTO processed_event (event_id, type) VALUES (:id, :type) "
            + "ON CONFLICT (event_id) DO NOTHING";

    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Tracer tracer;

    public EventConsumer(DeadLetters deadLetters, ObjectMapper json, Tracer tracer) {
        this.deadLetters = deadLetters;
        this.json = json;
        this.tracer = tracer;
    }

    /** Call from an {@code @Incoming} method that receives a batch ({@code batch=true}) of byte[] records. */
    public Uni<Void> process(Iterable<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
        return process(records, handler, TransactionHooks.NONE);
    }

    /**
     * The same for a consumer that reads a topic for a few of its event types: the others are skipped before
     * any transaction (nothing to record: ignoring an event twice changes nothing).
     */
    public Uni<Void> process(Iterable<ConsumerRecord<String, byte[]>> records, Predicate<String> relevant,
            EventHandler handler) {
        return process(records, handler, TransactionHooks.NONE, relevant);
    }

    /** The same, with the consumer's own first and last statements in each transaction. */
    public Uni<Void> process(Iterable<ConsumerRecord<String, byte[]>> records, EventHandler handler,
            TransactionHooks hooks) {
        return process(records, handler, hooks, type -> true);
    }

    private Uni<Void> process(Iterable<ConsumerRecord<String, byte[]>> records, EventHandler handler,
            TransactionHooks hooks, Predicate<String> relevant) {
        Executor onContext = contextExecutor();
        List<Parsed> good = new ArrayList<>();
        Uni<Void> poison = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CloudEvent cloudEvent = read(record);
                IncomingEvent event = parse(record, cloudEvent);
                if (relevant.test(event.type())) {
                    good.add(new Parsed(record, event, hooks.deadLetters() ? TraceContext.of(cloudEvent) : null));
                }
            } catch (PoisonEventException e) {
                poison = poison.chain(() -> deadLetter(record, e.getMessage(), hooks));
            }
        }
        if (good.isEmpty()) {
            return poison;
        }
        return poison.chain(() -> retryWhileTransient(() -> Panache.withTransaction(() -> hooks.begin()
                .chain(() -> applyAll(good, handler)).chain(hooks::beforeCommit)), onContext)
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("A batch of %d events failed (%s); applying them one by one", good.size(), e.toString());
                    return oneByOne(good, handler, hooks, onContext);
                }));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason, TransactionHooks hooks) {
        if (hooks.deadLetters()) {
            return deadLetters.send(record, reason);
        }
        LOG.warnf("Skipped unreadable event at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return Uni.createFrom().voidItem();
    }

    /** One after the other, without nesting a Uni per event (a batch of a thousand must not grow the stack). */
    private Uni<Void> applyAll(List<Parsed> events, EventHandler handler) {
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(parsed -> apply(parsed, handler))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> oneByOne(List<Parsed> events, EventHandler handler, TransactionHooks hooks, Executor onContext) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Parsed parsed : events) {
            chain = chain.chain(() -> retryWhileTransient(() -> Panache.withTransaction(() -> hooks.begin()
                    .chain(() -> apply(parsed, handler)).chain(hooks::beforeCommit)), onContext)
                    .onFailure().recoverWithUni(e -> deadLetter(parsed.record, reason(e), hooks)));
        }
        return chain;
    }

    /**
     * Handles one event in its span, current until the handling ends (the OpenTelemetry context lives in the
     * Vert.x context, so the handler's continuations see it too). The events of a batch are applied one after the
     * other, so their spans never overlap.
     */
    private Uni<Void> apply(Parsed parsed, EventHandler handler) {
        if (parsed.trace == null) {
            return apply(parsed.event, handler);
        }
        return Uni.createFrom().deferred(() -> {
            Span span = processSpan(parsed);
            Scope scope = span.makeCurrent();
            Uni<Void> handled;
            try {
                handled = apply(parsed.event, handler);
            } catch (RuntimeException e) {
                handled = Uni.createFrom().failure(e);
            }
            return handled.onTermination().invoke((ok, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                scope.close();
                span.end();
            });
        });
    }

    private Span processSpan(Parsed parsed) {
        IncomingEvent event = parsed.event;
        return tracer.spanBuilder("process " + event.topic()).setSpanKind(SpanKind.CONSUMER)
                .setParent(parsed.trace.parentIn(io.opentelemetry.context.Context.current()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(event.partition()))
                .setAttribute("messaging.kafka.offset", event.offset())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    private Uni<Void> apply(IncomingEvent event, EventHandler handler) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK_PROCESSED).setParameter("id", event.id())
                        .setParameter("type", event.type()).executeUpdate())
                .chain(inserted -> inserted == 1 ? handler.handle(event) : Uni.createFrom().voidItem());
    }

    /** Retries a database step while the database is unreachable; the partition waits meanwhile. */
    private static Uni<Void> retryWhileTransient(Supplier<Uni<Void>> step, Executor onContext) {
        return Uni.createFrom().<Void> deferred(step::get)
                .runSubscriptionOn(onContext)
                .onFailure(DatabaseErrors::isTransient)
                .invoke(e -> LOG.warnf("Database unavailable while consuming (%s); retrying", e.toString()))
                .onFailure(DatabaseErrors::isTransient)
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    private static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage());
        }
    }

    private IncomingEvent parse(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        if (event.getData() == null) {
            throw new PoisonEventException("CloudEvent " + event.getId() + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(event.getData().toBytes());
        } catch (Exception e) {
            throw new PoisonEventException("data of " + event.getId() + " is not JSON: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("data of " + event.getId() + " is not a JSON object");
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("CloudEvent id " + event.getId() + " is not a UUID");
        }
        Instant time = event.getTime() == null ? Instant.ofEpochMilli(record.timestamp()) : event.getTime().toInstant();
        return new IncomingEvent(id, event.getType(), String.valueOf(event.getSource()), event.getSubject(), time, data,
                record.topic(), record.partition(), record.offset());
    }

    private static String reason(Throwable failure) {
        return failure instanceof PoisonEventException ? failure.getMessage() : failure.toString();
    }

    private static Executor contextExecutor() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Events must be consumed on a Vert.x context");
        }
        return command -> context.runOnContext(ignored -> command.run());
    }

    /** A readable event; {@code trace} is null for a replay of history, which continues no trace. */
    private record Parsed(ConsumerRecord<String, byte[]> record, IncomingEvent event, TraceContext trace) {
    }
}
