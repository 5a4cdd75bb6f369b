package io.rapport.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.testing.DevstackResource;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.rapport.testing.KolServiceEvents;

import static org.awaitility.Awaitility.await;

/**
 * What the other services publish, for metrics-service to project: events built from the documented examples
 * (docs/events/asyncapi.yaml), checked against their schema, sent on the real Kafka with a fresh CloudEvent id
 * (or a chosen one, to redeliver). {@link #awaitApplied()} returns once metrics-service applied them all.
 */
final class Feed implements AutoCloseable {

    private static final Map<String, String> KEYS = Map.of("rapport.interaction.", "interactionId",
            "rapport.followup.", "followUpId", "rapport.safety.", "followUpId", "rapport.medical-request.", "requestId",
            "rapport.insight.safety-", "insightId", "rapport.insight.", "insightId", "rapport.resource.shared", "shareId",
            "rapport.kol.", "kolId");

    private final EventSender sender = new EventSender();
    private final List<UUID> sent = new ArrayList<>();

    /** The documented example of an event type, to change before sending. */
    static ObjectNode example(String type) {
        return EventSchemas.example(type);
    }

    /** Sends an event; returns its CloudEvent id. */
    UUID send(String type, ObjectNode data) {
        return send(UUID.randomUUID(), type, data);
    }

    /** Sends with a chosen CloudEvent id: the same id twice is a redelivery. */
    UUID send(UUID eventId, String type, ObjectNode data) {
        EventSchemas.assertMatches(type, data);
        sender.send(topic(type), eventId, type, key(type, data), data);
        sent.add(eventId);
        return eventId;
    }

    /** Waits until metrics-service recorded every event sent so far as processed. */
    void awaitApplied() {
        List<String> ids = sent.stream().distinct().map(id -> "'" + id + "'").toList();
        if (ids.isEmpty()) {
            return;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.parseLong(DevstackResource.sql(
                "SELECT count(*) FROM metrics.processed_event WHERE event_id IN (" + String.join(",", ids) + ")")) == ids
                        .size());
    }

    /** A KOL as kol-service publishes it; returns once metrics-service holds it. */
    static String kol(Map<String, Object> changes) {
        String id = UUID.randomUUID().toString();
        KolServiceEvents.publishKol(id, "rapport.kol.created.v1", 1, changes);
        await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(DevstackResource.sql(
                "SELECT count(*) FROM metrics.kol WHERE kol_id = '" + id + "'")));
        return id;
    }

    static ArrayNode array(String... values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static String topic(String type) {
        if (type.startsWith("rapport.kol.")) {
            return "rapport.kol.v1";
        }
        if (type.startsWith("rapport.reference.")) {
            return "rapport.reference.v1";
        }
        return type.startsWith("rapport.insight.") || type.startsWith("rapport.resource.") ? "rapport.insight.v1"
                : "rapport.interaction.v1";
    }

    private static String key(String type, ObjectNode data) {
        return KEYS.entrySet().stream().filter(e -> type.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(e -> data.path(e.getValue()).asText()).orElseThrow();
    }

    @Override
    public void close() {
        sender.close();
    }
}
