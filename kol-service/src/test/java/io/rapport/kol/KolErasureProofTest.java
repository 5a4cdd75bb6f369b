package io.rapport.kol;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.privacy.ErasureConfirmation;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSender;
import io.rapport.testing.ReceivedEvent;
import io.restassured.http.ContentType;

import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * An erasure can be proven and cannot be lost: kol-service records the other services' confirmations, shows them
 * per erasure, and sends the erasure again (asked again, or by the scheduled job) until every service confirmed.
 */
@QuarkusTest
class KolErasureProofTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOPICS = Map.of("interaction-service", "rapport.interaction.v1",
            "insight-service", "rapport.insight.v1", "metrics-service", "rapport.metrics.v1");

    private final String ada = msl("msl-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldShowPerErasureWhoAskedWhyAndWhichServicesConfirmedWhen() {
        String id = erased("Proven", "Request REQ-7");
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then().statusCode(200)
                .body("kolId", equalTo(id)).body("requestedBy", equalTo("admin-1"))
                .body("reason", equalTo("Request REQ-7")).body("requestedAt", notNullValue())
                .body("timesSent", equalTo(1)).body("complete", equalTo(false))
                .body("services.service", equalTo(List.of("interaction-service", "insight-service", "metrics-service")))
                .body("services.confirmed", equalTo(List.of(false, false, false)));

        confirm(id, "interaction-service", 3, 1);
        confirm(id, "insight-service", 2, 0);
        awaitConfirmed(id, "insight-service");
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then().statusCode(200)
                .body("complete", equalTo(false))
                .body("services.find { it.service == 'interaction-service' }.recordsErased", equalTo(3))
                .body("services.find { it.service == 'interaction-service' }.recordsHeld", equalTo(1))
                .body("services.find { it.service == 'interaction-service' }.confirmedAt", notNullValue())
                .body("services.find { it.service == 'metrics-service' }.confirmed", equalTo(false))
                .body("services.find { it.service == 'metrics-service' }.confirmedAt", nullValue());

        confirm(id, "metrics-service", 0, 0);
        awaitConfirmed(id, "metrics-service");
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then().statusCode(200)
                .body("complete", equalTo(true));
    }

    @Test
    void shouldRecordEachConfirmationOnceAndIgnoreEveryOtherEvent() {
        String id = erased("Counted", "Request REQ-8");
        UUID event = UUID.randomUUID();
        try (EventSender sender = new EventSender()) {
            JsonNode data = confirmation(id, "interaction-service", 4, 0);
            // another type with the same shape, and a confirmation without its service (dead-lettered)
            sender.send("rapport.interaction.v1", UUID.randomUUID(), "rapport.interaction.logged.v1", id,
                    confirmation(id, "insight-service", 9, 9));
            ObjectNode broken = (ObjectNode) confirmation(id, "metrics-service", 1, 0);
            broken.remove("service");
            sender.send("rapport.metrics.v1", UUID.randomUUID(), ErasureConfirmation.TYPE, id, broken);
            // the same event twice (a redelivery)
            sender.send("rapport.interaction.v1", event, ErasureConfirmation.TYPE, id, data);
            sender.send("rapport.interaction.v1", event, ErasureConfirmation.TYPE, id, data);
        }
        awaitConfirmed(id, "interaction-service");
        try (EmittedEvents dlq = EmittedEvents.allOn(DevstackResource.deadLetterTopic("rapport.metrics.v1"))) {
            dlq.await(e -> id.equals(e.subject()));
        }
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then().statusCode(200)
                .body("services.find { it.service == 'interaction-service' }.confirmations", equalTo(1))
                .body("services.find { it.service == 'insight-service' }.confirmed", equalTo(false))
                .body("services.find { it.service == 'metrics-service' }.confirmed", equalTo(false));
    }

    @Test
    void shouldAnswer404ForAKolNeverErasedAndOnlyToAdmins() {
        String id = Fixtures.kolOf(ada, "Unerased");
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then().statusCode(404);
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + UUID.randomUUID() + "/erasure").then()
                .statusCode(404);
        given().header("Authorization", ada).get("/api/v1/kols/" + id + "/erasure").then().statusCode(403);
    }

    @Test
    void shouldSendTheErasureAgainWhenAskedAgainUntilEveryServiceConfirmed() {
        String id = erased("Resent", "Request REQ-9");
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            erase(id, "Request REQ-9 again");
            ReceivedEvent again = events.await(ofType("rapport.kol.erased.v1", id));
            assertThat(again.data().path("kolId").asText()).isEqualTo(id);
        }
        List<Map<String, String>> sent = erasedEvents(id);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).get("eventId")).as("a new event").isNotEqualTo(sent.get(0).get("eventId"));
        assertThat(sameData(sent.get(1).get("payload"))).as("the same data").isEqualTo(sameData(sent.get(0).get("payload")));
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then().statusCode(200)
                .body("timesSent", equalTo(2)).body("reason", equalTo("Request REQ-9"));

        TOPICS.keySet().forEach(service -> confirm(id, service, 1, 0));
        TOPICS.keySet().forEach(service -> awaitConfirmed(id, service));
        erase(id, "Request REQ-9 once more");
        assertThat(erasedEvents(id)).as("a complete erasure is not sent again").hasSize(2);
    }

    @Test
    void shouldSendErasuresUnconfirmedAfterTheGraceAgainOnSchedule() throws Throwable {
        String stale = erased("Stale", "Request REQ-10");
        String fresh = erased("Fresh", "Request REQ-11");
        String done = erased("Done", "Request REQ-12");
        TOPICS.keySet().forEach(service -> confirm(done, service, 1, 0));
        TOPICS.keySet().forEach(service -> awaitConfirmed(done, service));
        DevstackResource.sql("UPDATE kol_erasure SET last_sent_at = now() - interval '20 minutes' WHERE kol_id IN ('"
                + stale + "', '" + done + "')");

        // the job itself, on its timer (every 2 s in the test profile), not a direct call
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(erasedEvents(stale)).as("unconfirmed past the grace").hasSize(2));
        assertThat(erasedEvents(fresh)).as("sent less than the grace ago").hasSize(1);
        assertThat(erasedEvents(done)).as("confirmed by every service").hasSize(1);
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + stale + "/erasure").then()
                .body("timesSent", equalTo(2));
        assertThat(Instant.parse(given().header("Authorization", ADMIN).get("/api/v1/kols/" + stale + "/erasure")
                .then().extract().<String> path("lastSentAt"))).isAfter(Instant.now().minusSeconds(60));
    }

    private String erased(String family, String reason) {
        String id = Fixtures.kolOf(ada, Fixtures.unique(family));
        erase(id, reason);
        return id;
    }

    private static void erase(String id, String reason) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/kols/" + id + "/erasure").then().statusCode(200).body("status", equalTo("ERASED"));
    }

    /** The KOL's kol.erased rows in the outbox (event id and payload), oldest first. */
    private static List<Map<String, String>> erasedEvents(String id) {
        String rows = DevstackResource
                .sql("SELECT coalesce(string_agg(event_id || ' ' || payload::text, E'\\n' ORDER BY id), '') "
                        + "FROM outbox WHERE aggregate_id = '" + id + "' AND type = 'rapport.kol.erased.v1'");
        return rows.lines().filter(l -> !l.isBlank()).map(l -> Map.of("eventId", l.substring(0, l.indexOf(' ')),
                "payload", l.substring(l.indexOf(' ') + 1).trim())).toList();
    }

    /** The event's data, its time to PostgreSQL's precision (the first event has it from memory, in nanoseconds). */
    private static JsonNode sameData(String payload) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(payload);
            data.put("erasedAt", Instant.parse(data.path("erasedAt").asText()).truncatedTo(ChronoUnit.MICROS).toString());
            return data;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode confirmation(String id, String service, int erased, int held) {
        return JSON.valueToTree(Map.of("kolId", id, "service", service, "confirmedAt", Instant.now().toString(),
                "recordsErased", erased, "recordsHeld", held));
    }

    /** What the service publishes on its own topic once it applied the erasure. */
    private static void confirm(String id, String service, int erased, int held) {
        try (EventSender sender = new EventSender()) {
            sender.send(TOPICS.get(service), UUID.randomUUID(), ErasureConfirmation.TYPE, id,
                    confirmation(id, service, erased, held));
        }
    }

    private static void awaitConfirmed(String id, String service) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> Boolean.TRUE
                .equals(given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/erasure").then()
                        .extract().path("services.find { it.service == '" + service + "' }.confirmed")));
    }
}
