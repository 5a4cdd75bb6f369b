package io.rapport.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.privacy.ErasureConfirmation;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.KolServiceEvents;
import io.rapport.testing.ReceivedEvent;
import io.restassured.http.ContentType;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.BEA;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * Erasure leaves nothing: a KOL's story goes through every free-text field the API accepts (insight title,
 * text, evidence, rejection reason, action taken, the Idempotency-Key of a retried create), then kol-service
 * erases the KOL. Afterwards no text, jsonb, tsvector or uuid column of any table of the database, and no API
 * answer about the KOL, holds what was written or the KOL id (only the KOL's own replica row, which refuses new
 * records, and the outbox of events that carry ids by design keep the id); what the law holds keeps its content
 * under a pseudonym; and the confirmation is on rapport.insight.v1.
 */
@QuarkusTest
class ErasureCompletenessTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldLeaveNoPersonalDataInAnyColumnOrAnswerAndConfirmTheErasure() {
        String marker = marker();
        String heldMarker = marker();
        String kol = Fixtures.kol();

        // An insight through its whole life, every free text carrying the marker.
        Map<String, Object> body = insight(kol);
        body.put("title", marker + "title Dr. Example");
        body.put("text", marker + "text what Dr. Example said");
        body.put("evidence", List.of(Map.of("type", "URL", "value", "https://example.org/" + marker + "evidence")));
        String key = marker + "-key";
        String erased = create(key, body);
        step(ADA, erased, "submit", 1, null);
        step(manager(GRACE), erased, "reject", 2, Map.of("reason", marker + "reason"));
        step(ADA, erased, "rework", 3, null);
        given().header("Authorization", msl(ADA)).header("If-Match", "\"4\"").contentType("application/merge-patch+json")
                .body(Map.of("text", marker + "text2 reworded")).patch("/api/v1/insights/" + erased).then().statusCode(200);
        step(ADA, erased, "submit", 5, null);
        step(manager(GRACE), erased, "validate", 6, null);
        step(manager(GRACE), erased, "action", 7, Map.of("actionTaken", marker + "action"));
        action(msl(BEA), erased, "endorse", null, null).then().statusCode(200);
        // A share in an interaction, retried with an Idempotency-Key.
        Map<String, Object> share = shareOf(approvedResource(resource()), kol);
        share.put("interactionId", Fixtures.interaction(kol, ADA, "oncology-north"));
        given().header("Authorization", msl(ADA)).header("Idempotency-Key", marker + "-share").contentType(ContentType.JSON)
                .body(share).post("/api/v1/shares").then().statusCode(201);
        // What the law holds: an adverse event, reported to Drug Safety.
        Map<String, Object> adverse = insight(kol);
        adverse.put("adverseEventMentioned", true);
        adverse.put("text", heldMarker + "rash in two patients");
        String held = Fixtures.submitted(msl(ADA), adverse);
        action(msl(ADA), held, "safety-report", "\"2\"", Map.of("safetyReportId", "DS-2026-" + held.substring(0, 8))).then()
                .statusCode(200);
        assertThat(columnsHolding(marker)).as("the marker is stored before the erasure").isNotEmpty();

        ReceivedEvent confirmed;
        try (EmittedEvents events = EmittedEvents.on("rapport.insight.v1")) {
            KolServiceEvents.eraseKol(kol, 2);
            confirmed = events.await(EmittedEvents.ofType(ErasureConfirmation.TYPE, kol));
        }
        EventSchemas.assertValid(confirmed);
        assertThat(confirmed.data().path("service").asText()).isEqualTo("insight-service");
        assertThat(confirmed.data().path("recordsErased").asInt()).isEqualTo(3);
        assertThat(confirmed.data().path("recordsHeld").asInt()).isEqualTo(1);

        assertThat(columnsHolding(marker)).as("columns still holding the erased text").isEmpty();
        assertThat(columnsHolding(heldMarker)).as("only the held insight and its audit trail keep its content")
                .allMatch(column -> column.startsWith("insight.") || column.startsWith("audit_entry."));
        assertThat(columnsHolding(kol)).as("columns still naming the KOL")
                .allMatch(column -> column.startsWith("replica.") || column.startsWith("outbox."));
        assertThat(DevstackResource.sql("SELECT count(*) FROM replica WHERE data::text LIKE '%" + kol + "%' AND NOT "
                + "(kind = 'kol' AND id = '" + kol + "')")).as("other replicas name the pseudonym").isEqualTo("0");
        assertThat(DevstackResource.sql("SELECT data::text FROM replica WHERE kind = 'kol' AND id = '" + kol + "'"))
                .doesNotContain("country").doesNotContain("contactability").doesNotContain("researchTopics");

        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/v1/insights/" + erased, "/api/v1/insights/" + erased + "/history",
                "/api/v1/insights/" + held, "/api/v1/insights/" + held + "/history", "/api/v1/insights?kolId=" + kol,
                "/api/v1/insights?q=" + marker + "text", "/api/v1/kols/" + kol + "/shares",
                "/api/v1/kols/" + kol + "/personal-data")) {
            String answer = given().header("Authorization", ADMIN).get(path).then().statusCode(200).extract().asString();
            assertThat(answer).as(path).doesNotContainIgnoringCase(marker);
            if (!path.endsWith("/personal-data")) {
                assertThat(answer).as(path).doesNotContain(kol);
            }
            answers.add(answer);
        }
        assertThat(answers.get(2)).as("the adverse event keeps its content").contains(heldMarker);
        // A retry of the create no longer replays the stored reply: the KOL is erased, so it is refused.
        given().header("Authorization", msl(ADA)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/insights").then().statusCode(422).body("type", endsWith("/kol-erased"));
    }

    private static String create(String key, Map<String, Object> body) {
        return given().header("Authorization", msl(ADA)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/insights").then().statusCode(201).extract().path("id");
    }

    private static void step(String token, String id, String action, int version, Map<String, Object> body) {
        action(token.startsWith("Bearer") ? token : msl(token), id, action, "\"" + version + "\"", body).then()
                .statusCode(200);
    }

    /** Every text, varchar, jsonb, tsvector, uuid or array column of every table, with a row holding the value. */
    static List<String> columnsHolding(String value) {
        String columns = DevstackResource.sql("SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', "
                + "'json', 'tsvector', 'uuid', 'ARRAY', 'USER-DEFINED') ORDER BY 1");
        List<String> holding = new ArrayList<>();
        for (String column : columns.split("\n")) {
            String[] parts = column.trim().split("\\.");
            if (parts.length != 2) {
                continue;
            }
            String count = DevstackResource.sql("SELECT count(*) FROM \"" + parts[0] + "\" WHERE \"" + parts[1]
                    + "\"::text ILIKE '%" + value + "%'");
            if (!"0".equals(count)) {
                holding.add(column.trim());
            }
        }
        assertThat(columns).contains("insight.search", "audit_entry.changes", "idempotency_key.body", "replica.data");
        return holding;
    }

    /** A word no stemmer changes and no other test writes. */
    private static String marker() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("mk");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.append("qz").toString();
    }
}
