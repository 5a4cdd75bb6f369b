package io.rapport.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * What kol-service would publish, for the services that replicate it: MSLs of the directory, reference codes and
 * KOLs, built from the examples of docs/events/asyncapi.yaml and sent on the real Kafka. Each method returns once
 * the service under test holds the replica (its {@code replica} table).
 */
public final class KolServiceEvents {

    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());
    private static final Set<String> CONTACTABILITY = Set.of("contactable", "reason", "emailAllowed", "phoneAllowed");
    private static final Set<String> PREFERENCES = Set.of("maxContactsPerQuarter", "meetingLengthMinutes", "channels");

    private KolServiceEvents() {
    }

    /** An MSL (or manager) of the directory: their team, manager and time zone. */
    public static void msl(String user, String team, String manager, String zone) {
        ObjectNode msl = EventSchemas.example("rapport.reference.msl.changed.v1");
        msl.put("userId", user).put("team", team).put("manager", manager).put("timeZone", zone)
                .put("aggregateVersion", VERSIONS.incrementAndGet());
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.msl.changed.v1", "msl:" + user, msl);
        }
        awaitReplica("msl", user);
    }

    /** The example codes: therapeutic area ONCOLOGY and product ONC-101. */
    public static void exampleCodes() {
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.therapeutic-area.changed.v1",
                    "therapeutic-area:ONCOLOGY", EventSchemas.example("rapport.reference.therapeutic-area.changed.v1"));
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.product.changed.v1",
                    "product:ONC-101", EventSchemas.example("rapport.reference.product.changed.v1"));
        }
        awaitReplica("product", "ONC-101");
        awaitReplica("therapeutic-area", "ONCOLOGY");
    }

    /** Another therapeutic area code, so a test has data no other test shares. */
    public static void therapeuticArea(String code) {
        ObjectNode area = EventSchemas.example("rapport.reference.therapeutic-area.changed.v1").put("code", code)
                .put("name", "Area " + code);
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.therapeutic-area.changed.v1",
                    "therapeutic-area:" + code, area);
        }
        awaitReplica("therapeutic-area", code);
    }

    /** A new KOL: the example with these changes (preference and contactability keys go where they belong). */
    public static String kol(Map<String, Object> changes) {
        String id = UUID.randomUUID().toString();
        publishKol(id, "rapport.kol.created.v1", 1, changes);
        awaitReplica("kol", id);
        return id;
    }

    /** Publishes a KOL event with the example's data changed as asked; null removes a field. */
    public static void publishKol(String id, String type, long version, Map<String, Object> changes) {
        ObjectNode data = EventSchemas.example("rapport.kol.created.v1");
        data.put("kolId", id).put("aggregateVersion", version);
        ObjectNode preferences = (ObjectNode) data.get("preferences");
        ObjectNode contactability = (ObjectNode) data.get("contactability");
        changes.forEach((key, value) -> {
            ObjectNode target = PREFERENCES.contains(key) ? preferences
                    : CONTACTABILITY.contains(key) ? contactability : data;
            put(target, key, value);
        });
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.kol.v1", UUID.randomUUID(), type, id, data);
        }
    }

    /** kol-service erased the KOL. */
    public static void eraseKol(String id, long version) {
        ObjectNode data = EventSchemas.example("rapport.kol.erased.v1").put("kolId", id).put("aggregateVersion", version);
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.kol.v1", UUID.randomUUID(), "rapport.kol.erased.v1", id, data);
        }
    }

    public static void awaitReplica(String kind, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(DevstackResource.sql(
                "SELECT count(*) FROM replica WHERE kind = '" + kind + "' AND id = '" + id + "'")));
    }

    private static void put(ObjectNode target, String key, Object value) {
        if (value == null) {
            target.remove(key);
        } else if (value instanceof List<?> list) {
            ArrayNode array = target.putArray(key);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else if (value instanceof Integer number) {
            target.put(key, number);
        } else if (value instanceof Boolean flag) {
            target.put(key, flag);
        } else {
            target.put(key, String.valueOf(value));
        }
    }
}
