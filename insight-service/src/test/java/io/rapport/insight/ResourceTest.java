package io.rapport.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.draftResource;
import static io.rapport.insight.Fixtures.get;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.resourceAction;
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
import static org.hamcrest.Matchers.not;

/** Approved scientific content: drafted and approved by medical, read by everyone, never edited once approved. */
@QuarkusTest
class ResourceTest {

    private static final String RESOURCES = "/api/v1/resources/";

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldApproveADraftWithItsMlrIdAndExpiryAndMakeItShareable() {
        String id = draftResource(resource());
        get(manager(GRACE), RESOURCES + id).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("shareable", equalTo(false));
        get(msl(ADA), RESOURCES + id).then().statusCode(404);
        String expiry = Instant.now().plus(Duration.ofDays(30)).toString();
        resourceAction(id, "approve", "\"1\"", Map.of("mlrApprovalId", "MLR-2026-7", "expiresAt", expiry)).then()
                .statusCode(200).header("ETag", "\"2\"").body("status", equalTo("APPROVED"))
                .body("mlrApprovalId", equalTo("MLR-2026-7")).body("shareable", equalTo(true))
                .body("expired", equalTo(false));
        get(msl(ADA), RESOURCES + id).then().statusCode(200).body("title", equalTo(resource().get("title")));
        given().header("Authorization", REPORTING).get(RESOURCES + id + "/history").then().statusCode(200)
                .body("items.action", contains("drafted", "approved"));
    }

    @Test
    void shouldRefuseAnApprovalWithoutAFutureExpiry() {
        String id = draftResource(resource());
        resourceAction(id, "approve", "\"1\"", Map.of("mlrApprovalId", "MLR-1")).then().statusCode(400);
        resourceAction(id, "approve", "\"1\"", Map.of("mlrApprovalId", "MLR-1",
                "expiresAt", Instant.now().minus(Duration.ofDays(1)).toString())).then().statusCode(422)
                .body("type", endsWith("/expiry-required"));
        get(manager(GRACE), RESOURCES + id).then().body("status", equalTo("DRAFT")).body("version", equalTo(1));
    }

    @Test
    void shouldNeverEditApprovedContentInPlace() {
        String id = approvedResource(resource());
        given().header("Authorization", manager(GRACE)).header("If-Match", "\"2\"")
                .contentType("application/merge-patch+json").body(Map.of("title", "A better title"))
                .patch(RESOURCES + id).then().statusCode(409).body("type", endsWith("/invalid-transition"));
        resourceAction(id, "approve", "\"2\"", Map.of("mlrApprovalId", "MLR-2",
                "expiresAt", Instant.now().plus(Duration.ofDays(9)).toString())).then().statusCode(409);
        resourceAction(id, "withdraw", "\"2\"", Map.of("reason", "Superseded by the final analysis")).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("shareable", equalTo(false))
                .body("withdrawnReason", equalTo("Superseded by the final analysis"));
        resourceAction(id, "withdraw", "\"3\"", Map.of("reason", "again")).then().statusCode(409);
    }

    @Test
    void shouldEditADraftWithMergePatch() {
        String id = draftResource(resource());
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body(Map.of("tags", List.of("elderly-patients"), "markets", List.of("DE"))).patch(RESOURCES + id)
                .then().statusCode(200).body("tags", contains("elderly-patients")).body("markets", contains("DE"))
                .body("title", equalTo(resource().get("title")));
    }

    @Test
    void shouldLetOnlyMedicalManagersAndAdminsManageResources() {
        given().header("Authorization", msl(ADA)).contentType(ContentType.JSON).body(resource())
                .post(RESOURCES).then().statusCode(403);
        given().header("Authorization", REPORTING).contentType(ContentType.JSON).body(resource())
                .post(RESOURCES).then().statusCode(403);
        String id = draftResource(resource());
        given().header("Authorization", msl(ADA)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("mlrApprovalId", "MLR-9", "expiresAt", Instant.now().plus(Duration.ofDays(9)).toString()))
                .post(RESOURCES + id + "/approve").then().statusCode(403);
        given().header("Authorization", msl(ADA)).get(RESOURCES + id + "/history").then().statusCode(403);
    }

    @Test
    void shouldRefuseAnInvalidResourceAndKeepNothing() {
        String before = DevstackResource.sql("SELECT count(*) FROM resource");
        Map<String, Object> badMarket = resource();
        badMarket.put("markets", List.of("Germany"));
        post(badMarket).then().statusCode(400).body("errors.field", hasItem(containsString("markets")));
        Map<String, Object> badDoi = resource();
        badDoi.put("citation", Map.of("type", "DOI", "value", "doi:nonsense"));
        post(badDoi).then().statusCode(400);
        Map<String, Object> unknownProduct = resource();
        unknownProduct.put("products", List.of("XYZ-999"));
        post(unknownProduct).then().statusCode(400).body("errors.field", hasItem("products[0]"));
        Map<String, Object> noArea = resource();
        noArea.put("therapeuticAreas", List.of());
        post(noArea).then().statusCode(400);
        assertThat(DevstackResource.sql("SELECT count(*) FROM resource")).isEqualTo(before);
    }

    @Test
    void shouldListApprovedResourcesToMslsButDraftsOnlyToCurators() {
        String draft = draftResource(resource());
        String approved = approvedResource(resource());
        given().header("Authorization", msl(ADA)).queryParam("limit", 100).get(RESOURCES).then().statusCode(200)
                .body("items.id", hasItem(approved)).body("items.id", not(hasItem(draft)));
        given().header("Authorization", manager(GRACE)).queryParam("status", "DRAFT").queryParam("limit", 100)
                .get(RESOURCES).then().body("items.id", hasItem(draft)).body("items.id", not(hasItem(approved)));
    }

    private static Response post(Map<String, Object> body) {
        return given().header("Authorization", manager(GRACE)).contentType(ContentType.JSON).body(body).post(RESOURCES);
    }
}
