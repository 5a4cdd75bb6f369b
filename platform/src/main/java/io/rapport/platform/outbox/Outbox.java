package io.rapport.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends events to the outbox through the current Hibernate Reactive session, so they commit or roll back
 * with the state change that caused them: never "save, then send", never a second connection. The relay
 * publishes them after commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox (event_id, topic, aggregate_id, type, occurred_at, payload) "
            + "VALUES (:id, :topic, :subject, :type, :time, CAST(CAST(:payload AS text) AS jsonb))";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Must run inside the transaction of the change (a {@code @WithTransaction} method). */
    public Uni<Void> append(DomainEvent event) {
        String payload = write(event.data());
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", event.id())
                .setParameter("topic", event.topic())
                .setParameter("subject", event.subject())
                .setParameter("type", event.type())
                .setParameter("time", event.time().atOffset(ZoneOffset.UTC))
                .setParameter("payload", payload)
                .executeUpdate()).replaceWithVoid();
    }

    /** Many events in one multi-row statement (bulk imports), in the current transaction. */
    public Uni<Void> append(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO outbox (event_id, topic, aggregate_id, type, occurred_at, "
                + "payload) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :topic").append(i).append(", :subject")
                    .append(i).append(", :type").append(i).append(", :time").append(i)
                    .append(", CAST(CAST(:payload").append(i).append(" AS text) AS jsonb))");
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < events.size(); i++) {
                DomainEvent event = events.get(i);
                query.setParameter("id" + i, event.id()).setParameter("topic" + i, event.topic())
                        .setParameter("subject" + i, event.subject()).setParameter("type" + i, event.type())
                        .setParameter("time" + i, event.time().atOffset(ZoneOffset.UTC))
                        .setParameter("payload" + i, write(event.data()));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON", e);
        }
    }
}
