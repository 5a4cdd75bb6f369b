package io.rapport.insight;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.response.Response;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.BEA;
import static io.rapport.insight.Fixtures.CARL;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.OTTO;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.draft;
import static io.rapport.insight.Fixtures.get;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The curation workflow: every allowed and refused transition, by role and by object. */
@QuarkusTest
class InsightWorkflowTest {

    private static final String INSIGHT = "/api/v1/insights/";

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldTakeAnInsightFromDraftToActionedWithTheCuratorRecorded() {
        String id = draft(msl(ADA), insight(null)).then().statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("DRAFT")).body("author", equalTo(ADA)).body("team", equalTo("oncology-north"))
                .extract().path("id");
        action(msl(ADA), id, "submit", "\"1\"", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        action(manager(GRACE), id, "validate", "\"2\"", null).then().statusCode(200)
                .body("status", equalTo("VALIDATED")).body("curatedBy", equalTo(GRACE));
        action(manager(GRACE), id, "action", "\"3\"", Map.of("actionTaken", "Added to the advisory board agenda"))
                .then().statusCode(200).header("ETag", "\"4\"").body("status", equalTo("ACTIONED"))
                .body("actionTaken", equalTo("Added to the advisory board agenda"));
        given().header("Authorization", msl(ADA)).get(INSIGHT + id + "/history").then().statusCode(200)
                .body("items.action", contains("drafted", "submitted", "validated", "actioned"));
    }

    @Test
    void shouldLetOnlyTheAuthorEditADraft() {
        String id = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        patch(msl(ADA), id, "\"1\"", Map.of("title", "Biomarker testing is skipped for the elderly")).then()
                .statusCode(200).body("title", equalTo("Biomarker testing is skipped for the elderly"));
        // A draft is private: a teammate and the manager do not even see it; an admin sees it but edits nothing.
        patch(msl(BEA), id, "\"2\"", Map.of("title", "x")).then().statusCode(404);
        patch(manager(GRACE), id, "\"2\"", Map.of("title", "x")).then().statusCode(404);
        patch(ADMIN, id, "\"2\"", Map.of("title", "x")).then().statusCode(403);
        get(ADMIN, INSIGHT + id).then().statusCode(200).body("title", equalTo("Biomarker testing is skipped for the elderly"));
    }

    @Test
    void shouldRefuseEditsOnceSubmitted() {
        String id = submitted(msl(ADA), insight(null));
        patch(msl(ADA), id, "\"2\"", Map.of("title", "Changed after submission")).then().statusCode(409)
                .body("type", endsWith("/invalid-transition"));
        action(msl(ADA), id, "submit", "\"2\"", null).then().statusCode(409).body("type", endsWith("/invalid-transition"));
    }

    @Test
    void shouldLetOnlyAManagerOfTheAuthorsTeamCurate() {
        String id = submitted(msl(ADA), insight(null));
        action(msl(ADA), id, "validate", "\"2\"", null).then().statusCode(403);
        action(msl(BEA), id, "validate", "\"2\"", null).then().statusCode(403);
        action(ADMIN, id, "validate", "\"2\"", null).then().statusCode(403);
        // Otto manages oncology-south: Ada's insight is outside what he sees.
        action(manager(OTTO), id, "validate", "\"2\"", null).then().statusCode(404);
        action(manager(OTTO), id, "reject", "\"2\"", Map.of("reason", "duplicate")).then().statusCode(404);
        get(msl(ADA), INSIGHT + id).then().statusCode(200).body("status", equalTo("SUBMITTED")).body("version", equalTo(2));
    }

    @Test
    void shouldRejectWithAReasonAndLetTheAuthorReworkAndResubmit() {
        String id = submitted(msl(ADA), insight(null));
        action(manager(GRACE), id, "reject", "\"2\"", Map.of()).then().statusCode(400);
        action(manager(GRACE), id, "reject", "\"2\"", Map.of("reason", "Please name the guideline discussed")).then()
                .statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Please name the guideline discussed"));
        action(msl(BEA), id, "rework", "\"3\"", null).then().statusCode(403);
        action(manager(GRACE), id, "validate", "\"3\"", null).then().statusCode(409);
        action(msl(ADA), id, "rework", "\"3\"", null).then().statusCode(200).body("status", equalTo("DRAFT"));
        patch(msl(ADA), id, "\"4\"", Map.of("text", "The KOL follows the ESMO guideline but skips testing over 80."))
                .then().statusCode(200);
        action(msl(ADA), id, "submit", "\"5\"", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        action(manager(GRACE), id, "validate", "\"6\"", null).then().statusCode(200).body("status", equalTo("VALIDATED"));
    }

    @Test
    void shouldRefuseTransitionsTheStatusDoesNotAllow() {
        String draftId = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        action(msl(ADA), draftId, "rework", "\"1\"", null).then().statusCode(409);
        String id = submitted(msl(ADA), insight(null));
        action(manager(GRACE), id, "action", "\"2\"", Map.of("actionTaken", "Too early")).then().statusCode(409)
                .body("status", equalTo("SUBMITTED")).body("allowed", hasItem("validate"));
        action(msl(ADA), id, "rework", "\"2\"", null).then().statusCode(409);
        action(manager(GRACE), id, "validate", "\"2\"", null).then().statusCode(200);
        action(manager(GRACE), id, "reject", "\"3\"", Map.of("reason", "Too late")).then().statusCode(409);
        action(manager(GRACE), id, "validate", "\"3\"", null).then().statusCode(409);
        action(manager(GRACE), id, "action", "\"3\"", Map.of()).then().statusCode(400);
        action(manager(GRACE), id, "action", "\"3\"", Map.of("actionTaken", "Shared with the brand team")).then()
                .statusCode(200);
        action(manager(GRACE), id, "action", "\"4\"", Map.of("actionTaken", "Again")).then().statusCode(409);
    }

    @Test
    void shouldRequireTheCurrentVersionForEveryTransition() {
        String id = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        action(msl(ADA), id, "submit", null, null).then().statusCode(428);
        action(msl(ADA), id, "submit", "\"7\"", null).then().statusCode(412);
        get(msl(ADA), INSIGHT + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void shouldShowInsightsOnlyToThoseWhoMaySeeThem() {
        String draftId = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        String id = submitted(msl(ADA), insight(null));
        get(msl(BEA), INSIGHT + id).then().statusCode(200);
        get(msl(CARL), INSIGHT + id).then().statusCode(404);
        get(manager(GRACE), INSIGHT + id).then().statusCode(200);
        get(manager(OTTO), INSIGHT + id).then().statusCode(404);
        get(REPORTING, INSIGHT + id).then().statusCode(200);
        get(REPORTING, INSIGHT + draftId).then().statusCode(404);
        get(msl(BEA), INSIGHT + draftId).then().statusCode(404);
        get(ADMIN, INSIGHT + draftId).then().statusCode(200);
        get(msl(CARL), INSIGHT + id + "/history").then().statusCode(404);
        given().get(INSIGHT + id).then().statusCode(401);
    }

    @Test
    void shouldCountEachEndorsementOnceAndNeverTheAuthors() {
        String id = submitted(msl(ADA), insight(null));
        action(msl(ADA), id, "endorse", null, null).then().statusCode(422).body("type", endsWith("/own-insight"));
        action(msl(BEA), id, "endorse", null, null).then().statusCode(200).body("endorsements", equalTo(1));
        action(msl(BEA), id, "endorse", null, null).then().statusCode(409).body("type", endsWith("/already-endorsed"));
        action(manager(GRACE), id, "endorse", null, null).then().statusCode(200).body("endorsements", equalTo(2));
        action(msl(CARL), id, "endorse", null, null).then().statusCode(404);
        String draftId = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        action(msl(BEA), draftId, "endorse", null, null).then().statusCode(404);
        get(REPORTING, INSIGHT + id).then().body("endorsements", equalTo(2));
    }

    @Test
    void shouldRefuseAnInvalidInsightAndKeepNothing() {
        String before = DevstackResource.sql("SELECT count(*) FROM insight");
        Map<String, Object> badEvidence = insight(null);
        badEvidence.put("evidence", List.of(Map.of("type", "PMID", "value", "not-a-pmid")));
        draft(msl(ADA), badEvidence).then().statusCode(400).body("errors.field", hasItem(containsString("evidence")));
        Map<String, Object> unknownArea = insight(null);
        unknownArea.put("therapeuticArea", "CARDIOLOGY");
        draft(msl(ADA), unknownArea).then().statusCode(400).body("errors.field", hasItem("therapeuticArea"));
        Map<String, Object> noFlag = insight(null);
        noFlag.remove("adverseEventMentioned");
        draft(msl(ADA), noFlag).then().statusCode(400).body("errors.field", hasItem(containsString("adverseEventMentioned")));
        Map<String, Object> badTag = insight(null);
        badTag.put("tags", List.of("Not A Keyword"));
        draft(msl(ADA), badTag).then().statusCode(400);
        draft(REPORTING, insight(null)).then().statusCode(403);
        assertThat(DevstackResource.sql("SELECT count(*) FROM insight")).isEqualTo(before);
    }

    private static Response patch(String token, String id, String ifMatch,
            Map<String, Object> patch) {
        return given().header("Authorization", token).header("If-Match", ifMatch)
                .contentType("application/merge-patch+json").body(patch).patch(INSIGHT + id);
    }
}
