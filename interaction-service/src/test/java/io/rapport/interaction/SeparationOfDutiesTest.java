package io.rapport.interaction;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.KolServiceEvents;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.BOB;
import static io.rapport.interaction.Fixtures.GRACE;
import static io.rapport.interaction.Fixtures.OTTO;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.completion;
import static io.rapport.interaction.Fixtures.create;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Nobody approves their own compliance-relevant work (each refusal a 403 problem with a stable type), a Drug
 * Safety follow-up is not dropped by the MSL who owes it, and a manager changes only the work of the MSLs they
 * manage now per the directory.
 */
@QuarkusTest
class SeparationOfDutiesTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldNotLetWhoeverOwnsOrFiledAMedicalRequestClearItsComplianceReview() {
        String kol = Fixtures.kol();
        // an MSL who also holds the medical-manager role owns the request
        String both = Tokens.bearer(ADA, new String[] { "msl", "medical-manager" });
        String owned = solicitedOffLabel(both, kol, null);
        MedicalRequestTest.action(both, owned, "review", "\"1\"", Map.of("decision", "CLEARED")).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/self-approval"));
        // a manager who filed it for their MSL
        String filed = solicitedOffLabel(manager(GRACE), kol, ADA);
        MedicalRequestTest.action(manager(GRACE), filed, "review", "\"1\"", Map.of("decision", "CLEARED")).then()
                .statusCode(403).body("type", endsWith("/self-approval"));
        MedicalRequestTest.action(manager(GRACE), owned, "review", "\"1\"", Map.of("decision", "CLEARED")).then()
                .statusCode(200).body("reviewedBy", equalTo(GRACE));
    }

    @Test
    void shouldLetOnlySomeoneElseApproveAFrequencyCapOverride() {
        String kol = Fixtures.kolWithCap(0);
        Map<String, Object> body = Fixtures.planned(kol);
        body.put("mslId", ADA);
        body.put("capOverrideReason", "Congress follow-up the KOL asked for");
        String byManager = create(manager(GRACE), body).then().statusCode(201).body("capOverridden", equalTo(true))
                .extract().path("id");
        approve(manager(GRACE), byManager, "\"1\"").then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/self-approval"));
        approve(ada, byManager, "\"1\"").then().statusCode(403);
        approve(ADMIN, byManager, "\"1\"").then().statusCode(200).body("capOverrideApprovedBy", equalTo("admin-1"));
        approve(ADMIN, byManager, "\"2\"").then().statusCode(409).body("type", endsWith("/already-approved"));

        body.remove("mslId");
        String byAda = create(ada, body).then().statusCode(201).extract().path("id");
        String adaAsManager = Tokens.bearer(ADA, new String[] { "msl", "medical-manager" });
        approve(adaAsManager, byAda, "\"1\"").then().statusCode(403).body("type", endsWith("/self-approval"));
        approve(manager(OTTO), byAda, "\"1\"").then().statusCode(404);
        approve(manager(GRACE), byAda, "\"1\"").then().statusCode(200).body("capOverrideApprovedBy", equalTo(GRACE));

        String within = Fixtures.interactionOf(ada, Fixtures.kol(Map.of("maxContactsPerQuarter", 50)));
        approve(manager(GRACE), within, "\"1\"").then().statusCode(409).body("type", endsWith("/no-cap-override"));
    }

    @Test
    void shouldNotLetTheMslWhoOwesADrugSafetyFollowUpDropIt() {
        String interaction = Fixtures.interactionOf(ada, Fixtures.kol());
        Map<String, Object> mention = completion();
        mention.put("adverseEventMentioned", true);
        action(ada, interaction, "complete", "\"1\"", mention).then().statusCode(200);
        String safety = given().header("Authorization", ada).queryParam("assignee", "me").queryParam("status", "OPEN")
                .get("/api/v1/follow-ups").then().statusCode(200).extract()
                .path("items.find { it.interactionId == '" + interaction + "' }.id");
        patchFollowUp(ada, safety, "\"1\"", Map.of("status", "DROPPED")).then().statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/safety-follow-up-owed"));
        patchFollowUp(manager(OTTO), safety, "\"1\"", Map.of("status", "DROPPED")).then().statusCode(404);
        patchFollowUp(manager(GRACE), safety, "\"1\"", Map.of("status", "DROPPED")).then().statusCode(200)
                .body("status", equalTo("DROPPED"));
    }

    @Test
    void shouldLetAManagerChangeFollowUpsOnlyOfTheMslsTheyManageNow() {
        String carol = "msl-carol-" + System.nanoTime();
        KolServiceEvents.msl(carol, "oncology-north", GRACE, "Europe/Berlin");
        String interaction = Fixtures.interactionOf(msl(carol), Fixtures.kol());
        String followUp = FollowUpTest.followUp(msl(carol), interaction, Map.of("description", "d", "dueDate", "2099-01-01"))
                .then().statusCode(201).extract().path("id");
        patchFollowUp(manager(GRACE), followUp, "\"1\"", Map.of("dueDate", "2099-02-01")).then().statusCode(200);
        patchFollowUp(manager(OTTO), followUp, "\"2\"", Map.of("dueDate", "2099-03-01")).then().statusCode(404);
        // a manager cannot hand the work to an MSL of another team, nor can the MSL
        patchFollowUp(manager(GRACE), followUp, "\"2\"", Map.of("assignee", BOB)).then().statusCode(422)
                .body("type", endsWith("/unknown-msl"));
        FollowUpTest.followUp(msl(carol), interaction, Map.of("description", "d", "dueDate", "2099-01-01", "assignee", BOB))
                .then().statusCode(422).body("type", endsWith("/unknown-msl"));
        // Carol moves to Otto's team: Grace no longer manages her
        KolServiceEvents.msl(carol, "oncology-south", OTTO, "Europe/Berlin");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "oncology-south".equals(
                io.rapport.testing.DevstackResource.sql("SELECT data ->> 'team' FROM replica WHERE kind = 'msl' AND id = '"
                        + carol + "'")));
        patchFollowUp(manager(GRACE), followUp, "\"2\"", Map.of("dueDate", "2099-03-01")).then().statusCode(404);
        action(manager(GRACE), interaction, "cancel", "\"1\"", Map.of()).then().statusCode(404);
        patchFollowUp(msl(carol), followUp, "\"2\"", Map.of("dueDate", "2099-03-01")).then().statusCode(200);
    }

    private static String solicitedOffLabel(String token, String kol, String mslId) {
        Map<String, Object> body = new HashMap<>(MedicalRequestTest.request(kol));
        body.putAll(Map.of("offLabel", true, "unsolicited", false, "initiatedBy", "MSL"));
        if (mslId != null) {
            body.put("mslId", mslId);
        }
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/medical-requests").then().statusCode(201).body("status", equalTo("COMPLIANCE_REVIEW"))
                .extract().path("id");
    }

    private static Response approve(String token, String id, String ifMatch) {
        return given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .post("/api/v1/interactions/" + id + "/cap-override/approval");
    }

    private static Response patchFollowUp(String token, String id, String ifMatch, Map<String, Object> body) {
        return given().header("Authorization", token).header("If-Match", ifMatch)
                .contentType("application/merge-patch+json").body(body).patch("/api/v1/follow-ups/" + id);
    }
}
