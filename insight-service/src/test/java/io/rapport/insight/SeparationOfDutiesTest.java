package io.rapport.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.KolServiceEvents;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.OTTO;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.draftResource;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.manager;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nobody approves their own compliance-relevant work: a medical manager who wrote an insight does not validate,
 * reject or action it, even in a team they manage; whoever drafted or edited a resource does not approve it.
 * Each refusal is a 403 {@code self-approval} and changes nothing.
 */
@QuarkusTest
class SeparationOfDutiesTest {

    /** Ivy and Jon both manage oncology-west (Kim reports to Ivy, Ivy to Jon); Ivy also records insights. */
    private static final String IVY = "mgr-ivy";
    private static final String JON = "mgr-jon";

    @BeforeAll
    static void west() {
        Fixtures.directory();
        KolServiceEvents.msl("msl-kim", "oncology-west", IVY, "Europe/Madrid");
        KolServiceEvents.msl(IVY, "oncology-west", JON, "Europe/Madrid");
        KolServiceEvents.msl(JON, "managers", "head-of-medical", "Europe/Madrid");
    }

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldNotLetTheAuthorOfAnInsightCurateItEvenAsAManagerOfTheTeam() {
        String id = submitted(manager(IVY), insight(Fixtures.kol()));
        refused(action(manager(IVY), id, "validate", "\"2\"", null));
        refused(action(manager(IVY), id, "reject", "\"2\"", Map.of("reason", "My own")));
        get(id).body("status", equalTo("SUBMITTED")).body("version", equalTo(2));

        action(manager(JON), id, "validate", "\"2\"", null).then().statusCode(200).body("curatedBy", equalTo(JON));
        refused(action(manager(IVY), id, "action", "\"3\"", Map.of("actionTaken", "My own action")));
        get(id).body("status", equalTo("VALIDATED")).body("version", equalTo(3));
        action(manager(JON), id, "action", "\"3\"", Map.of("actionTaken", "Taken to the board")).then().statusCode(200);
    }

    @Test
    void shouldNotLetWhoeverDraftedOrEditedAResourceApproveIt() {
        String drafted = draftResource(resource());
        refused(approve(manager(GRACE), drafted, "\"1\""));
        given().header("Authorization", manager(OTTO)).header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body(Map.of("title", "Otto's better title")).patch("/api/v1/resources/" + drafted).then().statusCode(200);
        refused(approve(manager(OTTO), drafted, "\"2\""));
        given().header("Authorization", ADMIN).get("/api/v1/resources/" + drafted).then().body("status", equalTo("DRAFT"))
                .body("version", equalTo(2));
        approve(ADMIN, drafted, "\"2\"").then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private static Response approve(String token, String id, String ifMatch) {
        return given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .body(Map.of("mlrApprovalId", "MLR-SOD", "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()))
                .post("/api/v1/resources/" + id + "/approve");
    }

    private static void refused(Response response) {
        response.then().statusCode(403).contentType("application/problem+json").body("type", endsWith("/self-approval"));
    }

    private static io.restassured.response.ValidatableResponse get(String id) {
        return given().header("Authorization", ADMIN).get("/api/v1/insights/" + id).then().statusCode(200);
    }
}
