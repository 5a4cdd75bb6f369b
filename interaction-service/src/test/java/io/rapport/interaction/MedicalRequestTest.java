package io.rapport.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.GRACE;
import static io.rapport.interaction.Fixtures.OTTO;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Medical information requests: SLA, compliance review, answers, and nothing forgotten. */
@QuarkusTest
class MedicalRequestTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldBeDueAfterTheSlaOfItsPriority() {
        String kol = Fixtures.kol();
        Map<String, Object> body = request(kol);
        body.put("receivedAt", "2026-11-30T08:00:00Z");
        receive(body).then().statusCode(201).body("status", equalTo("RECEIVED")).body("dueAt", equalTo("2026-12-05T08:00:00Z"));
        body.put("priority", "URGENT");
        receive(body).then().statusCode(201).body("dueAt", equalTo("2026-12-01T08:00:00Z"));
    }

    @Test
    void shouldRequireTheAttestationOfAnUnsolicitedOffLabelRequest() {
        Map<String, Object> body = request(Fixtures.kol());
        body.put("offLabel", true);
        receive(body).then().statusCode(422).body("type", endsWith("/attestation-required"));
        body.put("unsolicitedAttested", true);
        receive(body).then().statusCode(201).body("status", equalTo("RECEIVED"));
    }

    @Test
    void shouldKeepASolicitedOffLabelRequestForComplianceReviewInsteadOfRefusingIt() {
        Map<String, Object> body = request(Fixtures.kol());
        body.put("offLabel", true);
        body.put("unsolicited", false);
        body.put("initiatedBy", "MSL");
        try (EmittedEvents events = EmittedEvents.on("rapport.interaction.v1")) {
            String id = receive(body).then().statusCode(201).body("status", equalTo("COMPLIANCE_REVIEW"))
                    .extract().path("id");
            EventSchemas.assertValid(events.await(ofType("rapport.medical-request.flagged.v1", id)));
            action(ada, id, "answer", "\"1\"", Map.of("answer", "x")).then().statusCode(409);
            action(ada, id, "review", "\"1\"", Map.of("decision", "CLEARED")).then().statusCode(403);
            action(manager(OTTO), id, "review", "\"1\"", Map.of("decision", "CLEARED")).then().statusCode(404);
            action(manager(GRACE), id, "review", "\"1\"", Map.of("decision", "CLEARED", "note", "Asked unprompted after all"))
                    .then().statusCode(200).body("status", equalTo("RECEIVED")).body("reviewDecision", equalTo("CLEARED"))
                    .body("reviewedBy", equalTo(GRACE));
            EventSchemas.assertValid(events.await(ofType("rapport.medical-request.cleared.v1", id)));
        }
    }

    @Test
    void shouldAnswerOffLabelOnlyWithAnApprovedResponseLetter() {
        Map<String, Object> body = request(Fixtures.kol());
        body.put("offLabel", true);
        body.put("unsolicitedAttested", true);
        String id = receive(body).then().statusCode(201).extract().path("id");
        action(ada, id, "answer", "\"1\"", Map.of("answer", "Here is what we know")).then().statusCode(422)
                .body("type", endsWith("/approved-response-letter-required"));
        String slides = resource("SLIDE_DECK", "APPROVED", null);
        action(ada, id, "answer", "\"1\"", Map.of("resourceId", slides)).then().statusCode(422)
                .body("type", endsWith("/approved-response-letter-required"));
        String expired = resource("RESPONSE_LETTER", "APPROVED", Instant.now().minus(Duration.ofDays(1)).toString());
        action(ada, id, "answer", "\"1\"", Map.of("resourceId", expired)).then().statusCode(422);
        String letter = resource("RESPONSE_LETTER", "APPROVED", Instant.now().plus(Duration.ofDays(300)).toString());
        action(ada, id, "answer", "\"1\"", Map.of("resourceId", letter)).then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answerResourceId", equalTo(letter)).body("onTime", equalTo(true));
    }

    @Test
    void shouldAnswerForwardOrWithdrawOnlyFromReceived() {
        String kol = Fixtures.kol();
        String answered = receive(request(kol)).then().statusCode(201).extract().path("id");
        action(ada, answered, "answer", "\"1\"", Map.of()).then().statusCode(400).body("errors[0].field", equalTo("answer"));
        action(ada, answered, "answer", "\"1\"", Map.of("answer", "The dose is 5 mg")).then().statusCode(200);
        action(ada, answered, "withdraw", "\"2\"", null).then().statusCode(409).body("allowed.size()", equalTo(0));
        String forwarded = receive(request(kol)).then().statusCode(201).extract().path("id");
        action(ada, forwarded, "forward", "\"1\"", null).then().statusCode(200)
                .body("status", equalTo("FORWARDED_TO_MEDICAL_INFORMATION"));
        String withdrawn = receive(request(kol)).then().statusCode(201).extract().path("id");
        action(ada, withdrawn, "withdraw", "\"1\"", null).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldListOpenRequestsByDueTimeAndFlagTheOverdueOnes() {
        String kol = Fixtures.kol();
        Map<String, Object> late = request(kol);
        late.put("receivedAt", Instant.now().minus(Duration.ofDays(10)).toString());
        String overdue = receive(late).then().statusCode(201).body("overdue", equalTo(true)).extract().path("id");
        String fresh = receive(request(kol)).then().statusCode(201).body("overdue", equalTo(false)).extract().path("id");
        given().header("Authorization", ada).queryParam("kolId", kol).get("/api/v1/medical-requests").then()
                .body("items.id", contains(overdue, fresh));
        given().header("Authorization", ada).queryParam("kolId", kol).queryParam("overdue", true)
                .get("/api/v1/medical-requests").then().body("items.id", contains(overdue));
    }

    @Test
    void shouldOpenADrugSafetyFollowUpWhenAnAdverseEventIsMentioned() {
        Map<String, Object> body = request(Fixtures.kol());
        body.put("adverseEventMentioned", true);
        try (EmittedEvents events = EmittedEvents.on("rapport.interaction.v1")) {
            String id = receive(body).then().statusCode(201).extract().path("id");
            EventSchemas.assertValid(events.await(e -> "rapport.safety.report-due.v1".equals(e.type())
                    && id.equals(e.data().path("medicalRequestId").asText())));
        }
    }

    @Test
    void shouldRefuseAnInitiatorContradictingUnsolicited() {
        Map<String, Object> body = request(Fixtures.kol());
        body.put("initiatedBy", "MSL");
        receive(body).then().statusCode(400).body("errors[0].field", equalTo("unsolicited"));
        body.remove("responseChannel");
        receive(body).then().statusCode(400).body("errors.field", hasItem("responseChannel"));
    }

    @Test
    void shouldPublishEveryTransitionWithoutTheQuestionOrTheAnswer() {
        Map<String, Object> body = request(Fixtures.kol());
        body.put("question", "Is there data in patients with renal impairment? (secret wording)");
        try (EmittedEvents events = EmittedEvents.on("rapport.interaction.v1")) {
            String id = receive(body).then().statusCode(201).extract().path("id");
            action(ada, id, "answer", "\"1\"", Map.of("answer", "Yes, see the secret appendix")).then().statusCode(200);
            var received = events.await(ofType("rapport.medical-request.received.v1", id));
            var answered = events.await(ofType("rapport.medical-request.answered.v1", id));
            EventSchemas.assertValid(received);
            EventSchemas.assertValid(answered);
            assertThat(received.toString() + answered).doesNotContain("secret");
            assertThat(answered.data().path("onTime").asBoolean()).isTrue();
        }
    }

    static Map<String, Object> request(String kol) {
        Map<String, Object> body = new HashMap<>();
        body.put("kolId", kol);
        body.put("question", "What is the evidence in the elderly?");
        body.put("initiatedBy", "KOL");
        body.put("therapeuticArea", "ONCOLOGY");
        body.put("offLabel", false);
        body.put("unsolicited", true);
        body.put("responseChannel", "EMAIL");
        body.put("adverseEventMentioned", false);
        return body;
    }

    private Response receive(Map<String, Object> body) {
        return given().header("Authorization", ada).contentType(ContentType.JSON).body(body).post("/api/v1/medical-requests");
    }

    static Response action(String token, String id, String action, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/medical-requests/" + id + "/" + action);
    }

    /** insight-service published a resource (its documented example, changed as asked). */
    static String resource(String type, String status, String expiresAt) {
        String id = UUID.randomUUID().toString();
        var data = EventSchemas.example("rapport.resource.approved.v1").put("resourceId", id).put("type", type)
                .put("status", status).put("aggregateVersion", 1);
        if (expiresAt == null) {
            data.remove("expiresAt");
        } else {
            data.put("expiresAt", expiresAt);
        }
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.insight.v1", UUID.randomUUID(), "rapport.resource.approved.v1", id, data);
        }
        Fixtures.awaitReplica("resource", id);
        return id;
    }
}
