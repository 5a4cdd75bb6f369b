package io.rapport.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.OpenApiOperations;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.CARL;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.OTTO;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.draft;
import static io.rapport.insight.Fixtures.draftResource;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * Every operation of the OpenAPI document treats another team's object as not found: by id (404), in lists
 * (absent, or for a KOL's shares only who shared and when), and as an id in a body (the same 422 as an id that
 * does not exist). Ada (MSL) and Grace (her manager) are oncology-north; Carl and his manager Otto are
 * oncology-south. The test fails when an operation is added without its check.
 */
@QuarkusTest
class ObjectLevelTest {

    private String kol;
    private String carlsDraft;
    private String carlsInsight;
    private String carlsValidated;
    private String carlsRejected;
    private String carlsAdverse;
    private String carlsInteraction;
    private String carlsRequest;
    private String carlsShare;
    private String adasShare;
    private String southTag;
    private String southArea;
    private String draftResource;
    private String reactive;

    @BeforeEach
    void southsWork() {
        Fixtures.directory();
        kol = Fixtures.kol();
        southTag = "south-" + UUID.randomUUID().toString().substring(0, 8);
        southArea = "SOUTH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        io.rapport.testing.KolServiceEvents.therapeuticArea(southArea);
        Map<String, Object> south = insight(kol);
        south.put("tags", List.of(southTag));
        south.put("therapeuticArea", southArea);
        south.remove("product");
        carlsDraft = draft(msl(CARL), south).then().statusCode(201).extract().path("id");
        carlsInsight = submitted(msl(CARL), south);
        carlsValidated = submitted(msl(CARL), south);
        action(manager(OTTO), carlsValidated, "validate", "\"2\"", null).then().statusCode(200);
        carlsRejected = submitted(msl(CARL), south);
        action(manager(OTTO), carlsRejected, "reject", "\"2\"", Map.of("reason", "Too vague")).then().statusCode(200);
        Map<String, Object> adverse = new LinkedHashMap<>(south);
        adverse.put("adverseEventMentioned", true);
        carlsAdverse = submitted(msl(CARL), adverse);
        carlsInteraction = Fixtures.interaction(kol, CARL, "oncology-south");
        carlsRequest = Fixtures.medicalRequest(kol, true, CARL, "oncology-south");
        String resource = approvedResource(resource());
        carlsShare = share(msl(CARL), shareOf(resource, kol)).then().statusCode(201).extract().path("id");
        adasShare = share(msl(ADA), shareOf(approvedResource(resource()), kol)).then().statusCode(201).extract().path("id");
        draftResource = draftResource(resource());
        Map<String, Object> letter = resource();
        letter.put("type", "RESPONSE_LETTER");
        letter.put("usage", "REACTIVE_ONLY");
        reactive = approvedResource(letter);
    }

    @Test
    void shouldTreatAnotherTeamsObjectsAsNotFoundOnEveryOperation() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("POST /api/v1/insights", () -> {
            Map<String, Object> body = insight(kol);
            body.put("interactionId", carlsInteraction);
            sameAsUnknown(() -> draft(msl(ADA), body), () -> draft(msl(ADA), with(body, "interactionId")),
                    "unknown-interaction");
            body.put("interactionId", Fixtures.interaction(kol, ADA, "oncology-north"));
            draft(msl(ADA), body).then().statusCode(201);
        });
        checks.put("GET /api/v1/insights/{id}", () -> {
            notFound(() -> given().header("Authorization", msl(ADA)).get("/api/v1/insights/" + carlsInsight));
            notFound(() -> given().header("Authorization", manager(GRACE)).get("/api/v1/insights/" + carlsInsight));
            notFound(() -> given().header("Authorization", manager(GRACE)).get("/api/v1/insights/" + carlsDraft));
        });
        checks.put("PATCH /api/v1/insights/{id}", () -> notFound(() -> given().header("Authorization", msl(ADA))
                .header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("title", "Mine"))
                .patch("/api/v1/insights/" + carlsDraft)));
        checks.put("POST /api/v1/insights/{id}/submit", () -> notFound(() -> action(msl(ADA), carlsDraft, "submit",
                "\"1\"", null)));
        checks.put("POST /api/v1/insights/{id}/validate", () -> notFound(() -> action(manager(GRACE), carlsInsight,
                "validate", "\"2\"", null)));
        checks.put("POST /api/v1/insights/{id}/reject", () -> notFound(() -> action(manager(GRACE), carlsInsight,
                "reject", "\"2\"", Map.of("reason", "Not mine to judge"))));
        checks.put("POST /api/v1/insights/{id}/action", () -> notFound(() -> action(manager(GRACE), carlsValidated,
                "action", "\"3\"", Map.of("actionTaken", "Not mine"))));
        checks.put("POST /api/v1/insights/{id}/rework", () -> notFound(() -> action(msl(ADA), carlsRejected, "rework",
                "\"3\"", null)));
        checks.put("POST /api/v1/insights/{id}/endorse", () -> notFound(() -> action(msl(ADA), carlsInsight, "endorse",
                null, null)));
        checks.put("POST /api/v1/insights/{id}/safety-report", () -> {
            notFound(() -> action(msl(ADA), carlsAdverse, "safety-report", "\"2\"", Map.of("safetyReportId", "DS-1")));
            notFound(() -> action(manager(GRACE), carlsAdverse, "safety-report", "\"2\"", Map.of("safetyReportId", "DS-1")));
        });
        checks.put("GET /api/v1/insights", () -> {
            for (String token : List.of(msl(ADA), manager(GRACE))) {
                String list = given().header("Authorization", token).queryParam("kolId", kol).queryParam("limit", 500)
                        .get("/api/v1/insights").then().statusCode(200).extract().asString();
                assertThat(list).doesNotContain(carlsInsight, carlsValidated, carlsRejected, carlsAdverse, carlsDraft);
                String byTag = given().header("Authorization", token).queryParam("tag", southTag).get("/api/v1/insights")
                        .then().statusCode(200).extract().asString();
                assertThat(byTag).doesNotContain(southTag);
            }
        });
        checks.put("GET /api/v1/insights/themes", () -> {
            assertThat(themes(REPORTING)).as("reporting sees every team").contains(southTag);
            assertThat(themes(msl(ADA))).doesNotContain(southTag);
            assertThat(themes(manager(GRACE))).doesNotContain(southTag);
        });
        checks.put("GET /api/v1/insights/{id}/history", () -> {
            notFound(() -> given().header("Authorization", msl(ADA)).get("/api/v1/insights/" + carlsInsight + "/history"));
            notFound(() -> given().header("Authorization", manager(GRACE))
                    .get("/api/v1/insights/" + carlsInsight + "/history"));
        });
        checks.put("GET /api/v1/kols/{kolId}/shares", () -> {
            for (String token : List.of(msl(ADA), manager(GRACE))) {
                JsonPath shares = given().header("Authorization", token).get("/api/v1/kols/" + kol + "/shares").then()
                        .statusCode(200).extract().jsonPath();
                assertThat(shares.getList("items.id")).contains(adasShare).doesNotContain(carlsShare);
                assertThat(shares.prettify()).doesNotContain(carlsShare);
                Map<String, Object> carls = shares.getList("items", Map.class).stream()
                        .filter(item -> CARL.equals(item.get("mslId"))).findFirst().orElseThrow();
                assertThat(carls).containsEntry("summary", true).containsKey("sharedAt")
                        .doesNotContainKeys("id", "resourceId", "channel", "interactionId", "medicalRequestId");
            }
            assertThat(given().header("Authorization", REPORTING).get("/api/v1/kols/" + kol + "/shares").then()
                    .extract().jsonPath().getList("items.id")).contains(carlsShare, adasShare);
        });
        checks.put("GET /api/v1/kols/{kolId}/recommended-resources", () -> assertThat(given()
                .header("Authorization", msl(ADA)).get("/api/v1/kols/" + kol + "/recommended-resources").then()
                .statusCode(200).extract().asString()).doesNotContain(carlsShare, carlsInteraction, carlsRequest));
        checks.put("GET /api/v1/kols/{kolId}/personal-data", () -> {
            given().header("Authorization", msl(ADA)).get("/api/v1/kols/" + kol + "/personal-data").then().statusCode(403);
            given().header("Authorization", manager(GRACE)).get("/api/v1/kols/" + kol + "/personal-data").then()
                    .statusCode(403);
        });
        // Resources are the company's catalogue, not a team's: what an MSL may not see is a draft.
        checks.put("POST /api/v1/resources", () -> given().header("Authorization", msl(ADA)).contentType(ContentType.JSON)
                .body(resource()).post("/api/v1/resources").then().statusCode(403));
        checks.put("GET /api/v1/resources/{id}", () -> notFound(() -> given().header("Authorization", msl(ADA))
                .get("/api/v1/resources/" + draftResource)));
        checks.put("PATCH /api/v1/resources/{id}", () -> given().header("Authorization", msl(ADA))
                .header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("title", "x"))
                .patch("/api/v1/resources/" + draftResource).then().statusCode(403));
        checks.put("POST /api/v1/resources/{id}/approve", () -> given().header("Authorization", msl(ADA))
                .header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("mlrApprovalId", "MLR-X",
                        "expiresAt", Instant.now().plus(Duration.ofDays(9)).toString()))
                .post("/api/v1/resources/" + draftResource + "/approve").then().statusCode(403));
        checks.put("POST /api/v1/resources/{id}/withdraw", () -> given().header("Authorization", msl(ADA))
                .header("If-Match", "\"2\"").contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/resources/" + reactive + "/withdraw").then().statusCode(403));
        checks.put("GET /api/v1/resources", () -> assertThat(given().header("Authorization", msl(ADA))
                .queryParam("limit", 500).get("/api/v1/resources").then().statusCode(200).extract().asString())
                .doesNotContain(draftResource));
        checks.put("GET /api/v1/resources/{id}/history", () -> notFound(() -> given().header("Authorization", REPORTING)
                .get("/api/v1/resources/" + draftResource + "/history")));
        checks.put("POST /api/v1/shares", () -> {
            Map<String, Object> inCarlsMeeting = shareOf(approvedResource(resource()), kol);
            inCarlsMeeting.put("interactionId", carlsInteraction);
            sameAsUnknown(() -> share(msl(ADA), inCarlsMeeting), () -> share(msl(ADA), with(inCarlsMeeting,
                    "interactionId")), "unknown-interaction");
            Map<String, Object> answeringCarl = shareOf(reactive, kol);
            answeringCarl.put("medicalRequestId", carlsRequest);
            sameAsUnknown(() -> share(msl(ADA), answeringCarl), () -> share(msl(ADA), with(answeringCarl,
                    "medicalRequestId")), "unknown-medical-request");
        });

        List<String> documented = Fixtures.documentedOperations().stream().map(OpenApiOperations.Operation::key)
                .collect(Collectors.toList());
        assertThat(checks.keySet()).as("a check for every documented operation").containsExactlyInAnyOrderElementsOf(
                documented);
        checks.forEach((operation, check) -> {
            try {
                check.run();
            } catch (AssertionError e) {
                throw new AssertionError(operation + ": " + e.getMessage(), e);
            }
        });
    }

    private String themes(String token) {
        return given().header("Authorization", token).queryParam("therapeuticArea", southArea)
                .queryParam("from", Instant.now().minus(Duration.ofDays(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString()).get("/api/v1/insights/themes").then()
                .statusCode(200).extract().asString();
    }

    private static void notFound(java.util.function.Supplier<Response> call) {
        call.get().then().statusCode(404).contentType("application/problem+json");
    }

    /** The id of another team's record gets exactly the answer of an id that exists nowhere. */
    private static void sameAsUnknown(java.util.function.Supplier<Response> theirs,
            java.util.function.Supplier<Response> unknown, String rule) {
        theirs.get().then().statusCode(422).body("type", endsWith("/" + rule));
        unknown.get().then().statusCode(422).body("type", endsWith("/" + rule));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, UUID.randomUUID().toString());
        return copy;
    }
}
