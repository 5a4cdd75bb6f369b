package io.rapport.interaction;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;
import io.restassured.http.ContentType;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.GRACE;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.completion;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The erasure proof: a story with a unique marker in every free-text field the API accepts (objective, outcome,
 * amendment and cancel reasons, cap override reason, follow-up descriptions, question, answer, review note, and
 * the Idempotency-Key replies that repeat them), then {@code kol.erased}; afterwards no text or jsonb column of
 * any table of this service's database, and no API answer about the KOL, holds the marker. What a legal
 * obligation keeps (a safety mention) keeps its own marker, without the KOL's id. The confirmation is published.
 */
@QuarkusTest
class ErasureProofTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldLeaveNoPersonalDataOfAnErasedKolInAnyColumnOrAnswerAndConfirmTheErasure() {
        String m = "mk" + UUID.randomUUID().toString().replace("-", "");
        String h = "held" + UUID.randomUUID().toString().replace("-", "");
        KolStates.Kol kol = KolStates.in(KolStates.State.ACTIVE);
        String kolId = kol.id();
        List<String> ids = new ArrayList<>(List.of(kol.earlierInteraction()));

        Map<String, Object> plan = Fixtures.planned(kolId);
        plan.put("objective", "Objective " + m);
        plan.put("capOverrideReason", "Override " + m);
        String amended = Fixtures.create(ada, plan).then().statusCode(201).extract().path("id");
        Map<String, Object> done = completion();
        done.put("outcome", "Outcome " + m);
        action(ada, amended, "complete", "\"1\"", done).then().statusCode(200);
        Fixtures.patch(ada, amended, "\"2\"", Map.of("outcome", "Amended outcome " + m, "amendmentReason", "Because " + m))
                .then().statusCode(200);
        String followUp = FollowUpTest.followUp(ada, amended, Map.of("description", "Promise " + m, "dueDate", "2099-01-01"))
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body(Map.of("description", "Changed promise " + m)).patch("/api/v1/follow-ups/" + followUp)
                .then().statusCode(200);
        Map<String, Object> toCancel = Fixtures.planned(kolId);
        toCancel.put("objective", "Cancelled objective " + m);
        String cancelled = Fixtures.create(ada, toCancel).then().statusCode(201).extract().path("id");
        action(ada, cancelled, "cancel", "\"1\"", Map.of("reason", "Cancelled because " + m)).then().statusCode(200);
        Map<String, Object> keyed = Fixtures.planned(kolId);
        keyed.put("objective", "Keyed objective " + m);
        String keyedId = given().header("Authorization", ada).header("Idempotency-Key", "key-" + m)
                .contentType(ContentType.JSON).body(keyed).post("/api/v1/interactions").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> question = new HashMap<>(MedicalRequestTest.request(kolId));
        question.put("question", "Question " + m);
        String answered = given().header("Authorization", ada).header("Idempotency-Key", "req-" + m)
                .contentType(ContentType.JSON).body(question).post("/api/v1/medical-requests").then().statusCode(201)
                .extract().path("id");
        MedicalRequestTest.action(ada, answered, "answer", "\"1\"", Map.of("answer", "Answer " + m)).then().statusCode(200);
        Map<String, Object> solicited = new HashMap<>(MedicalRequestTest.request(kolId));
        solicited.putAll(Map.of("question", "Solicited " + m, "offLabel", true, "unsolicited", false, "initiatedBy", "MSL"));
        String reviewed = given().header("Authorization", ada).contentType(ContentType.JSON).body(solicited)
                .post("/api/v1/medical-requests").then().statusCode(201).extract().path("id");
        MedicalRequestTest.action(manager(GRACE), reviewed, "review", "\"1\"",
                Map.of("decision", "CLEARED", "note", "Review note " + m)).then().statusCode(200);

        Map<String, Object> safety = Fixtures.planned(kolId);
        safety.remove("plannedStart");
        safety.putAll(completion());
        safety.put("status", "COMPLETED");
        safety.put("objective", "Safety objective " + h);
        safety.put("outcome", "KOL reported a rash " + h);
        safety.put("adverseEventMentioned", true);
        String held = Fixtures.create(ada, safety).then().statusCode(201).extract().path("id");
        ids.addAll(List.of(amended, followUp, cancelled, keyedId, answered, reviewed, held));

        assertThat(apiAnswersAbout(kolId, ids)).as("the scan must see the story before the erasure").contains(m, h);
        assertThat(columnsHolding(m)).as("the scan must see the story before the erasure").isNotEmpty();

        try (EmittedEvents events = EmittedEvents.on("rapport.interaction.v1")) {
            Fixtures.eraseKol(kolId, 9);
            ReceivedEvent confirmed = events.await(ofType("rapport.erasure.confirmed.v1", kolId));
            EventSchemas.assertValid(confirmed);
            assertThat(confirmed.data().path("service").asText()).isEqualTo("interaction-service");
            // 5 interactions, 2 follow-ups (one owed to Drug Safety), 2 requests; the safety mention and its follow-up held
            assertThat(confirmed.data().path("recordsErased").asInt()).isEqualTo(9);
            assertThat(confirmed.data().path("recordsHeld").asInt()).isEqualTo(2);
        }

        assertThat(columnsHolding(m)).as("columns still holding the erased KOL's data").isEmpty();
        String answers = apiAnswersAbout(kolId, ids);
        assertThat(answers).doesNotContain(m).contains(h);
        assertThat(DevstackResource.sql("SELECT count(*) FROM audit_entry WHERE aggregate_id = '" + held
                + "' AND changes::text LIKE '%" + kolId + "%'")).as("the held record's history lost the KOL's id")
                .isEqualTo("0");
        assertThat(DevstackResource.sql("SELECT count(*) FROM idempotency_key WHERE body LIKE '%" + kolId + "%'"))
                .isEqualTo("0");
        assertThat(DevstackResource.sql("SELECT kol_id FROM interaction WHERE id = '" + held + "'")).isNotEqualTo(kolId);
        assertThat(DevstackResource.sql("SELECT string_agg(k, ',' ORDER BY k) FROM replica r, jsonb_object_keys(r.data) k "
                + "WHERE r.kind = 'kol' AND r.id = '" + kolId + "'")).isEqualTo("aggregateVersion,erasedAt,kolId,status");
        // the stored reply was forgotten: a retry is a new request, refused now
        given().header("Authorization", ada).header("Idempotency-Key", "key-" + m).contentType(ContentType.JSON)
                .body(keyed).post("/api/v1/interactions").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/kol-erased"));
    }

    /** Every text, varchar and jsonb column of every table of this service's database that holds the text. */
    static List<String> columnsHolding(String text) {
        String columns = DevstackResource.sql("SELECT string_agg(table_name || '.' || column_name, ',') FROM "
                + "information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', "
                + "'character varying', 'character', 'jsonb', 'json')");
        assertThat(columns).contains("interaction.objective", "audit_entry.", "idempotency_key.", "replica.data");
        List<String> holding = new ArrayList<>();
        for (String column : columns.split(",")) {
            String[] parts = column.split("\\.");
            String count = DevstackResource.sql("SELECT count(*) FROM \"" + parts[0] + "\" WHERE \"" + parts[1]
                    + "\"::text LIKE '%" + text + "%'");
            if (!"0".equals(count)) {
                holding.add(column);
            }
        }
        return holding;
    }

    /** What the API answers about the KOL and each of its records, to an admin and to the MSL, and the MSL's calendar. */
    private String apiAnswersAbout(String kolId, List<String> ids) {
        StringBuilder all = new StringBuilder();
        for (String token : List.of(ADMIN, ada)) {
            for (String path : List.of("/api/v1/interactions?kolId=" + kolId, "/api/v1/follow-ups?kolId=" + kolId,
                    "/api/v1/medical-requests?kolId=" + kolId, "/api/v1/kols/" + kolId + "/timeline")) {
                all.append(given().header("Authorization", token).get(URI.create(path)).asString());
            }
            for (String id : ids) {
                for (String path : List.of("/api/v1/interactions/" + id, "/api/v1/interactions/" + id + "/history",
                        "/api/v1/medical-requests/" + id, "/api/v1/medical-requests/" + id + "/history",
                        "/api/v1/follow-ups/" + id)) {
                    all.append(given().header("Authorization", token).get(path).asString());
                }
            }
        }
        all.append(given().header("Authorization", ADMIN).get("/api/v1/kols/" + kolId + "/personal-data").asString());
        String feed = given().header("Authorization", ada).post("/api/v1/msls/me/calendar-feed").then().statusCode(201)
                .extract().path("url");
        all.append(given().get(URI.create(feed).getPath()).asString());
        return all.toString();
    }

    @Test
    void shouldConfirmARedeliveredErasureAgainWithNothingLeftToErase() {
        KolStates.Kol kol = KolStates.in(KolStates.State.ERASED);
        await().atMost(Duration.ofSeconds(30)).until(() -> "[erased]".equals(DevstackResource.sql(
                "SELECT objective FROM interaction WHERE id = '" + kol.earlierInteraction() + "'")));
        try (EmittedEvents events = EmittedEvents.on("rapport.interaction.v1")) {
            Fixtures.eraseKol(kol.id(), 3);
            ReceivedEvent again = events.await(ofType("rapport.erasure.confirmed.v1", kol.id()));
            assertThat(again.data().path("recordsErased").asInt()).isEqualTo(1);
        }
    }
}
