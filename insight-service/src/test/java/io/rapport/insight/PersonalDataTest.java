package io.rapport.insight;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** GDPR Art. 15: one admin request returns everything insight-service holds about a KOL. */
@QuarkusTest
class PersonalDataTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldReturnEveryInsightWithItsTextAndHistoryEveryShareAndTheReplicas() {
        String kol = Fixtures.kol();
        String interaction = Fixtures.interaction(kol, ADA, "oncology-north");
        Map<String, Object> body = insight(kol);
        body.put("interactionId", interaction);
        String id = submitted(msl(ADA), body);
        action(manager(GRACE), id, "reject", "\"2\"", Map.of("reason", "Name the guideline")).then().statusCode(200);
        String shareId = share(msl(ADA), shareOf(approvedResource(resource()), kol)).then().statusCode(201)
                .extract().path("id");

        given().header("Authorization", ADMIN).get("/api/v1/kols/" + kol + "/personal-data").then().statusCode(200)
                .body("service", equalTo("insight-service")).body("kolId", equalTo(kol))
                .body("records.insights.insight.id", contains(id))
                .body("records.insights[0].insight.text", equalTo(body.get("text")))
                .body("records.insights[0].insight.rejectionReason", equalTo("Name the guideline"))
                .body("records.insights[0].history.action", contains("drafted", "submitted", "rejected"))
                .body("records.shares.id", contains(shareId))
                .body("records.replicas.kind", containsInAnyOrder("kol", "interaction"))
                .body("records.replicas.id", hasItem(kol));
    }

    @Test
    void shouldAnswerAnUnknownKolWithEmptyRecords() {
        String unknown = UUID.randomUUID().toString();
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + unknown + "/personal-data").then().statusCode(200)
                .body("kolId", equalTo(unknown)).body("records.insights", empty()).body("records.shares", empty())
                .body("records.replicas", empty());
    }

    @Test
    void shouldRefuseEveryoneButAdmin() {
        String kol = Fixtures.kol();
        for (String token : new String[] { msl(ADA), manager(GRACE), INTEGRATION, REPORTING }) {
            given().header("Authorization", token).get("/api/v1/kols/" + kol + "/personal-data").then().statusCode(403);
        }
        given().get("/api/v1/kols/" + kol + "/personal-data").then().statusCode(401);
    }
}
