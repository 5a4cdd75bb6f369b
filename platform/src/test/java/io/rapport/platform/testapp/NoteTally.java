package io.rapport.platform.testapp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.platform.events.EventConsumer;
import io.rapport.platform.events.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** A projection: how many note events were applied per note, and the trace the latest one was handled in. */
@ApplicationScoped
public class NoteTally {

    private final EventConsumer consumer;

    public NoteTally(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.process(records, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!event.type().startsWith("rapport.test.note.")) {
            return Uni.createFrom().voidItem();
        }
        NoteData data = event.dataAs(NoteData.class);
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO note_tally (note_id, events, "
                + "trace_id) VALUES (:id, 1, :trace) ON CONFLICT (note_id) DO UPDATE SET events = note_tally.events + 1, "
                + "trace_id = EXCLUDED.trace_id")
                .setParameter("id", data.noteId())
                // read after a database round trip: the event's span is still current in the handler's continuations
                .setParameter("trace", Span.current().getSpanContext().getTraceId()).executeUpdate()).replaceWithVoid();
    }

    /** The consumer's view of a note event: a tolerant reader, strict about what it needs. */
    public record NoteData(@NotNull UUID noteId, @NotNull Long aggregateVersion) {
    }
}
