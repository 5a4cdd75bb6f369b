package io.rapport.interaction;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data: the replicas through real kol-service and insight-service events on Kafka (built from the
 * examples of docs/events/asyncapi.yaml), and interactions through the API.
 */
public final class Fixtures {

    public static final String ADA = "msl-ada";
    public static final String BOB = "msl-bob";
    public static final String GRACE = "mgr-grace";
    public static final String OTTO = "mgr-otto";
    public static final String ADMIN = Tokens.bearer("admin-1", "admin");
    public static final String REPORTING = Tokens.bearer("report-1", "reporting");
    public static final String INTEGRATION = Tokens.bearer("crm-sync", "integration");
    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());
    private static boolean directoryLoaded;

    private Fixtures() {
    }

    public static String msl(String subject) {
        return Tokens.bearer(subject, "msl");
    }

    public static String manager(String subject) {
        return Tokens.bearer(subject, "medical-manager");
    }

    /** Ada and Bob in two teams, managed by Grace and Otto; codes ONCOLOGY and ONC-101 (once per run). */
    public static synchronized void directory() {
        if (directoryLoaded) {
            return;
        }
        directoryLoaded = true;
        try (EventSender sender = new EventSender()) {
            mslEvent(sender, ADA, "oncology-north", GRACE, "Europe/Berlin");
            mslEvent(sender, BOB, "oncology-south", OTTO, "America/New_York");
            mslEvent(sender, GRACE, "managers", "head-of-medical", "Europe/Berlin");
            ObjectNode area = EventSchemas.example("rapport.reference.therapeutic-area.changed.v1");
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.therapeutic-area.changed.v1",
                    "therapeutic-area:ONCOLOGY", area);
            ObjectNode product = EventSchemas.example("rapport.reference.product.changed.v1");
            sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.product.changed.v1",
                    "product:ONC-101", product);
        }
        awaitReplica("msl", ADA);
        awaitReplica("msl", BOB);
        awaitReplica("product", "ONC-101");
        awaitReplica("therapeutic-area", "ONCOLOGY");
    }

    private static void mslEvent(EventSender sender, String user, String team, String manager, String zone) {
        ObjectNode msl = EventSchemas.example("rapport.reference.msl.changed.v1");
        msl.put("userId", user).put("team", team).put("manager", manager).put("timeZone", zone)
                .put("aggregateVersion", VERSIONS.incrementAndGet());
        sender.send("rapport.reference.v1", UUID.randomUUID(), "rapport.reference.msl.changed.v1", "msl:" + user, msl);
    }

    /** A KOL as kol-service would publish it; returns its id once the replica holds it. */
    public static String kol(Map<String, Object> changes) {
        String id = UUID.randomUUID().toString();
        publishKol(id, "rapport.kol.created.v1", 1, changes);
        awaitReplica("kol", id);
        return id;
    }

    public static String kol() {
        return kol(Map.of());
    }

    /** A KOL with a cap of {@code cap} contacts per quarter. */
    public static String kolWithCap(int cap) {
        return kol(Map.of("maxContactsPerQuarter", cap));
    }

    /** Publishes a KOL event with the example's data changed as asked (preferences and contactability keys). */
    public static void publishKol(String id, String type, long version, Map<String, Object> changes) {
        ObjectNode data = EventSchemas.example("rapport.kol.created.v1");
        data.put("kolId", id).put("aggregateVersion", version);
        ObjectNode preferences = (ObjectNode) data.get("preferences");
        ObjectNode contactability = (ObjectNode) data.get("contactability");
        changes.forEach((key, value) -> {
            ObjectNode target = key.equals("maxContactsPerQuarter") || key.equals("meetingLengthMinutes")
                    || key.equals("channels") ? preferences
                    : key.equals("contactable") || key.equals("reason") || key.equals("emailAllowed")
                    || key.equals("phoneAllowed") ? contactability : data;
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

    /** A planned interaction body: in person, tomorrow at 09:00 UTC unless changed. */
    public static Map<String, Object> planned(String kolId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kolId", kolId);
        body.put("channel", "IN_PERSON");
        body.put("kind", "ONE_TO_ONE");
        body.put("objective", "Discuss phase III efficacy data and answer open questions");
        body.put("therapeuticArea", "ONCOLOGY");
        body.put("products", List.of("ONC-101"));
        body.put("plannedStart", Instant.now().plus(Duration.ofDays(1)).toString());
        body.put("durationMinutes", 30);
        body.put("topics", List.of("efficacy"));
        return body;
    }

    /** The completion answers of a meeting that went fine, an hour ago. */
    public static Map<String, Object> completion() {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("durationMinutes", 30);
        body.put("outcome", "Shared the data; the KOL asked for the subgroup analysis");
        body.put("disclosureMade", true);
        body.put("feedbackScore", 4);
        body.put("adverseEventMentioned", false);
        body.put("productComplaintMentioned", false);
        return body;
    }

    public static Response create(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/api/v1/interactions");
    }

    public static String interactionOf(String token, String kolId) {
        return create(token, planned(kolId)).then().statusCode(201).extract().path("id");
    }

    public static Response action(String token, String id, String action, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/interactions/" + id + "/" + action);
    }

    public static Response patch(String token, String id, String ifMatch, Map<String, Object> patch) {
        return given().header("Authorization", token).header("If-Match", ifMatch)
                .contentType("application/merge-patch+json").body(patch).patch("/api/v1/interactions/" + id);
    }
}
