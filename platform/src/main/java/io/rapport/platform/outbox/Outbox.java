package io.rapport.platform.outbox;

import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/**
 * Appends events to the outbox through the current Hibernate Reactive session, so they commit or roll back
 * with the state change that caused them: never "save, then send", never a second connection. The relay
 * publishes them after commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox (event_id, topic, aggregate_id, type, occurred_at, payload, "
            + "traceparent, tracestate) VALUES (:id, :topic, :subject, :type, :time, CAST(CAST(:payload AS text) AS jsonb), "
            + "NULLIF(:traceparent, ''), NULLIF(:tracestate, ''))";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Must run inside the transaction of the change (a {@code @WithTransaction} method). The trace the change runs
     * in (a traced request, a consumer's handling of an event) is stored with the event, so the relay and the
     * consumers continue it.
     */
    public Uni<Void> append(DomainEvent event) {
        String payload = write(event.data());
        TraceContext trace = TraceContext.current();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", event.id())
                .setParameter("topic", event.topic())
                .setParameter("subject", event.subject())
                .setParameter("type", event.type())
                .setParameter("time", event.time().atOffset(ZoneOffset.UTC))
                .setParameter("payload", payload)
                .setParameter("traceparent", orEmpty(trace.traceparent()))
                .setParameter("tracestate", orEmpty(trace.tracestate()))
                .executeUpdate()).replaceWithVoid();
    }

    /** Many events in one statement (bulk imports), in the current transaction and trace. */
    public Uni<Void> append(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        TraceContext trace = TraceContext.current();
        // Payloads are JSON and may hold any character, so they travel as a json array rather than joined text.
        String payloads = "[" + String.join(",", events.stream().map(e -> write(e.data())).toList()) + "]";
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO outbox (event_id, topic, "
                + "aggregate_id, type, occurred_at, payload, traceparent, tracestate) SELECT e.id, e.topic, e.subject, "
                + "e.type, e.time, p.payload, NULLIF(:traceparent, ''), NULLIF(:tracestate, '') "
                + "FROM unnest(" + SqlArrays.typedArray("ids", "uuid") + ", " + SqlArrays.textArray("topics") + ", "
                + SqlArrays.textArray("subjects") + ", " + SqlArrays.textArray("types") + ", "
                + SqlArrays.typedArray("times", "timestamptz") + ") WITH ORDINALITY AS e(id, topic, subject, type, "
                + "time, n) JOIN jsonb_array_elements(CAST(CAST(:payloads AS text) AS jsonb)) WITH ORDINALITY "
                + "AS p(payload, n) ON p.n = e.n ORDER BY e.n")
                .setParameter("ids", SqlArrays.joined(events.stream().map(DomainEvent::id).toList()))
                .setParameter("topics", SqlArrays.joined(events.stream().map(DomainEvent::topic).toList()))
                .setParameter("subjects", SqlArrays.joined(events.stream().map(DomainEvent::subject).toList()))
                .setParameter("types", SqlArrays.joined(events.stream().map(DomainEvent::type).toList()))
                .setParameter("times", SqlArrays.joined(events.stream().map(e -> e.time().atOffset(ZoneOffset.UTC)).toList()))
                .setParameter("payloads", payloads)
                .setParameter("traceparent", orEmpty(trace.traceparent()))
                .setParameter("tracestate", orEmpty(trace.tracestate()))
                .executeUpdate()).replaceWithVoid();
    }

    /** Absent as '' (NULLIF in SQL): a null parameter of a native query has no type PostgreSQL could infer. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON", e);
        }
    }
}
