package io.rapport.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.completion;
import static io.rapport.interaction.Fixtures.create;
import static io.rapport.interaction.Fixtures.patch;
import static io.rapport.interaction.Fixtures.planned;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** Recording interactions and moving them through their status machine. */
@QuarkusTest
class InteractionResourceTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldPlanAnInteractionForTheCallingMslInTheirTeamAndTimeZone() {
        String kol = Fixtures.kol();
        create(ada, planned(kol)).then().statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("PLANNED")).body("mslId", equalTo(ADA)).body("team", equalTo("oncology-north"))
                .body("timeZone", equalTo("Europe/Berlin")).body("allowedTransitions", contains("COMPLETED", "CANCELLED",
                        "NO_SHOW"))
                .body("capQuarter", org.hamcrest.Matchers.matchesPattern("\\d{4}-Q[1-4]"));
    }

    @Test
    void shouldFlagAChannelOutsideThePreferencesAndAMeetingLongerThanPreferred() {
        String kol = Fixtures.kol(Map.of("channels", List.of("VIDEO"), "meetingLengthMinutes", 20));
        Map<String, Object> body = planned(kol);
        body.put("durationMinutes", 45);
        create(ada, body).then().statusCode(201).body("offPreferenceChannel", equalTo(true))
                .body("overPreferredDuration", equalTo(true));
        body.put("channel", "VIDEO");
        body.put("durationMinutes", 20);
        create(ada, body).then().statusCode(201).body("offPreferenceChannel", equalTo(false))
                .body("overPreferredDuration", equalTo(false));
    }

    @Test
    void shouldRefuseAnInteractionWithoutAPurposeOrAPlannedTime() {
        String kol = Fixtures.kol();
        Map<String, Object> body = planned(kol);
        body.put("objective", "hi");
        create(ada, body).then().statusCode(400).body("errors[0].field", equalTo("objective"));
        body = planned(kol);
        body.remove("plannedStart");
        create(ada, body).then().statusCode(400).body("errors[0].field", equalTo("plannedStart"));
        body = planned(kol);
        body.put("therapeuticArea", "ASTROLOGY");
        body.put("products", List.of("NOPE"));
        create(ada, body).then().statusCode(400).body("errors.field", hasItems("therapeuticArea", "products[0]"));
    }

    @Test
    void shouldRefuseAKolThatMayNotBeContactedSayingWhy() {
        create(ada, planned(Fixtures.kol(Map.of("status", "INACTIVE")))).then().statusCode(422)
                .body("type", endsWith("/kol-not-active"));
        create(ada, planned(Fixtures.kol(Map.of("contactable", false, "reason", "do-not-contact")))).then()
                .statusCode(422).body("type", endsWith("/do-not-contact"));
        create(ada, planned(Fixtures.kol(Map.of("contactable", false, "reason", "no-lawful-basis")))).then()
                .statusCode(422).body("type", endsWith("/no-lawful-basis"));
        Map<String, Object> email = planned(Fixtures.kol(Map.of("emailAllowed", false)));
        email.put("channel", "EMAIL");
        create(ada, email).then().statusCode(422).body("type", endsWith("/no-email-consent"));
    }

    @Test
    void shouldCompleteWithDisclosureOutcomeTimeDurationAndSafetyAnswers() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        action(ada, id, "complete", "\"1\"", Map.of("disclosureMade", false)).then().statusCode(422)
                .body("type", endsWith("/completion-incomplete"))
                .body("errors.field", hasItems("disclosureMade", "outcome", "occurredAt", "durationMinutes",
                        "adverseEventMentioned", "productComplaintMentioned"));
        action(ada, id, "complete", "\"1\"", completion()).then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("COMPLETED")).body("allowedTransitions", empty())
                .body("feedbackScore", equalTo(4));
        action(ada, id, "complete", "\"2\"", completion()).then().statusCode(409)
                .body("type", endsWith("/invalid-transition")).body("allowed", empty());
        action(ada, id, "cancel", "\"2\"", Map.of()).then().statusCode(409);
    }

    @Test
    void shouldLogAnInteractionDirectlyAsCompleted() {
        Map<String, Object> body = planned(Fixtures.kol());
        body.remove("plannedStart");
        body.putAll(completion());
        body.put("status", "COMPLETED");
        create(ada, body).then().statusCode(201).header("ETag", "\"1\"").body("status", equalTo("COMPLETED"));
        body.put("disclosureMade", false);
        create(ada, body).then().statusCode(422).body("errors[0].field", equalTo("disclosureMade"));
    }

    @Test
    void shouldKeepCancelledAndNoShowFinal() {
        String kol = Fixtures.kol();
        String cancelled = Fixtures.interactionOf(ada, kol);
        action(ada, cancelled, "cancel", "\"1\"", Map.of("reason", "KOL ill")).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("KOL ill"));
        patch(ada, cancelled, "\"2\"", Map.of("durationMinutes", 10)).then().statusCode(409);
        String noShow = Fixtures.interactionOf(ada, kol);
        action(ada, noShow, "no-show", "\"1\"", null).then().statusCode(200).body("status", equalTo("NO_SHOW"));
        action(ada, noShow, "complete", "\"2\"", completion()).then().statusCode(409);
    }

    @Test
    void shouldRequireAFreshIfMatchForChanges() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        given().header("Authorization", ada).contentType(ContentType.JSON).body(completion())
                .post("/api/v1/interactions/" + id + "/complete").then().statusCode(428);
        patch(ada, id, "\"1\"", Map.of("durationMinutes", 45)).then().statusCode(200).header("ETag", "\"2\"");
        patch(ada, id, "\"1\"", Map.of("durationMinutes", 50)).then().statusCode(412);
    }

    @Test
    void shouldChangeThePlanFreelyButNotTheCompletionFieldsWhilePlanned() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        patch(ada, id, "\"1\"", Map.of("channel", "VIDEO", "objective", "A new and clear purpose for the meeting"))
                .then().statusCode(200).body("channel", equalTo("VIDEO"));
        patch(ada, id, "\"2\"", Map.of("outcome", "sneaky")).then().statusCode(422)
                .body("type", endsWith("/not-changeable")).body("errors[0].field", equalTo("outcome"));
    }

    @Test
    void shouldAmendACompletedInteractionWithAReasonWithinTheWindowOnly() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        action(ada, id, "complete", "\"1\"", completion()).then().statusCode(200);
        patch(ada, id, "\"2\"", Map.of("feedbackScore", 5)).then().statusCode(422)
                .body("type", endsWith("/amendment-reason-required"));
        patch(ada, id, "\"2\"", Map.of("channel", "PHONE", "amendmentReason", "typo")).then().statusCode(422)
                .body("type", endsWith("/not-amendable"));
        patch(ada, id, "\"2\"", Map.of("feedbackScore", 5, "amendmentReason", "KOL sent feedback by mail"))
                .then().statusCode(200).body("feedbackScore", equalTo(5)).header("ETag", "\"3\"");
        given().header("Authorization", ada).get("/api/v1/interactions/" + id + "/history").then()
                .body("items[-1].action", equalTo("amended")).body("items[-1].reason", equalTo("KOL sent feedback by mail"));
        // time travel: completed 40 days ago
        DevstackResource.sql("UPDATE interaction SET completed_at = now() - interval '40 days' WHERE id = '" + id + "'");
        patch(ada, id, "\"3\"", Map.of("feedbackScore", 3, "amendmentReason", "late")).then().statusCode(422)
                .body("type", endsWith("/amendment-window-closed"));
    }

    @Test
    void shouldAskForTheContractOfAnAdvisoryBoardsTransfers() {
        Map<String, Object> body = planned(Fixtures.kol());
        body.put("kind", "ADVISORY_BOARD");
        String id = create(ada, body).then().statusCode(201).extract().path("id");
        Map<String, Object> done = completion();
        done.put("transfersOfValue", List.of(Map.of("kind", "HONORARIUM", "amount", 1500, "currency", "EUR")));
        action(ada, id, "complete", "\"1\"", done).then().statusCode(422)
                .body("type", endsWith("/contract-reference-required"));
        done.put("transfersOfValue", List.of(Map.of("kind", "HONORARIUM", "amount", 1500, "currency", "EUR",
                "contractReference", "AB-2026-7")));
        action(ada, id, "complete", "\"1\"", done).then().statusCode(200)
                .body("transfersOfValue[0].contractReference", equalTo("AB-2026-7"));
    }

    @Test
    void shouldOpenADrugSafetyFollowUpDueNextBusinessDayWhenAnAdverseEventIsMentioned() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        Map<String, Object> done = completion();
        // Friday 2026-11-27 16:00 in Berlin: due the next business day, Monday 2026-11-30
        done.put("occurredAt", "2026-11-27T15:00:00Z");
        done.put("adverseEventMentioned", true);
        action(ada, id, "complete", "\"1\"", done).then().statusCode(200);
        given().header("Authorization", ada).queryParam("assignee", "me").get("/api/v1/follow-ups").then()
                .statusCode(200).body("items.findAll { it.interactionId == '" + id + "' }.kind", contains("SAFETY_REPORT"))
                .body("items.findAll { it.interactionId == '" + id + "' }.dueDate", contains("2026-11-30"));
        String reported = Fixtures.interactionOf(ada, Fixtures.kol());
        done.put("safetyReportId", "SR-123");
        action(ada, reported, "complete", "\"1\"", done).then().statusCode(200);
        assertThat(DevstackResource.sql("SELECT count(*) FROM follow_up WHERE interaction_id = '" + reported + "'"))
                .isEqualTo("0");
    }

    @Test
    void shouldReplayARetriedCreationAndAuditEveryChange() {
        Map<String, Object> body = planned(Fixtures.kol());
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", ada).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/interactions").then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/interactions").then().statusCode(201).body("id", equalTo(first))
                .header("Idempotency-Replayed", "true");
        action(ada, first, "cancel", "\"1\"", Map.of("reason", "moved")).then().statusCode(200);
        given().header("Authorization", ada).get("/api/v1/interactions/" + first + "/history").then().statusCode(200)
                .body("items.action", contains("recorded", "cancelled"))
                .body("items[1].changes.find { it.field == 'status' }.newValue", equalTo("CANCELLED"));
    }

    @Test
    void shouldUpsertByCrmIdCreatingChangingAndIgnoringAnIdenticalBody() {
        String kol = Fixtures.kol();
        Map<String, Object> body = planned(kol);
        body.put("mslId", ADA);
        String crm = "crm-" + UUID.randomUUID();
        String id = upsert(crm, body).then().statusCode(201).header("Upsert-Outcome", "created").extract().path("id");
        upsert(crm, body).then().statusCode(200).header("Upsert-Outcome", "unchanged").header("ETag", "\"1\"");
        body.put("durationMinutes", 60);
        upsert(crm, body).then().statusCode(200).header("Upsert-Outcome", "updated").body("id", equalTo(id))
                .body("durationMinutes", equalTo(60));
        body.putAll(completion());
        body.put("status", "COMPLETED");
        upsert(crm, body).then().statusCode(200).body("status", equalTo("COMPLETED"));
        upsert(crm, body).then().statusCode(200).header("Upsert-Outcome", "unchanged");
        body.remove("mslId");
        given().header("Authorization", Tokens.INTEGRATION).contentType(ContentType.JSON).body(planned(kol))
                .post("/api/v1/interactions").then().statusCode(400).body("errors[0].field", equalTo("mslId"));
    }

    @Test
    void shouldListTheCallersInteractionsNewestFirstWithFilters() {
        String kol = Fixtures.kol();
        String first = Fixtures.interactionOf(ada, kol);
        String second = Fixtures.interactionOf(ada, kol);
        action(ada, second, "cancel", "\"1\"", Map.of()).then().statusCode(200);
        given().header("Authorization", ada).queryParam("kolId", kol).get("/api/v1/interactions").then().statusCode(200)
                .body("items.id", contains(second, first));
        given().header("Authorization", ada).queryParam("kolId", kol).queryParam("status", "CANCELLED")
                .get("/api/v1/interactions").then().body("items.id", contains(second));
        given().header("Authorization", ada).queryParam("kolId", kol).queryParam("limit", 1).get("/api/v1/interactions")
                .then().body("items.id", contains(second)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", ada).queryParam("kolId", kol)
                .queryParam("from", Instant.now().plus(Duration.ofDays(30)).toString()).get("/api/v1/interactions")
                .then().body("items", empty());
    }

    private static io.restassured.response.Response upsert(String crmId, Map<String, Object> body) {
        return given().header("Authorization", Tokens.INTEGRATION).contentType(ContentType.JSON).body(body)
                .put("/api/v1/interactions/by-external-id/veeva/" + crmId);
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownInteraction() {
        given().header("Authorization", ada).get("/api/v1/interactions/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", endsWith("/not-found")).body("errors", nullValue());
        given().header("Authorization", ada).get("/api/v1/interactions/not-a-uuid").then().statusCode(404);
    }
}
