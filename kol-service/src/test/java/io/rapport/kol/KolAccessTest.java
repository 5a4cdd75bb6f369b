package io.rapport.kol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;

import static io.rapport.kol.Fixtures.create;
import static io.rapport.kol.Fixtures.profile;
import static io.rapport.kol.KolResourceTest.patch;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Roles and object-level rules on KOLs. */
@QuarkusTest
class KolAccessTest {

    private final String ada = msl("msl-ada");
    private final String bob = msl("msl-bob");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldLetEveryMslReadAnyKolButChangeOnlyTheirs() {
        String id = Fixtures.kolOf(ada, "Shared");
        given().header("Authorization", bob).get("/api/v1/kols/" + id).then().statusCode(200);
        patch(bob, id, "\"1\"", Map.of("tier", 1)).then().statusCode(403).body("type",
                org.hamcrest.Matchers.endsWith("/forbidden"));
        patch(ada, id, "\"1\"", Map.of("tier", 1)).then().statusCode(200);
    }

    @Test
    void shouldLetManagersAdminsAndIntegrationsChangeAnyKol() {
        String id = Fixtures.kolOf(ada, "Managed");
        patch(manager("mgr-x"), id, "\"1\"", Map.of("tier", 1)).then().statusCode(200);
        patch(ADMIN, id, "\"2\"", Map.of("tier", 2)).then().statusCode(200);
        patch(INTEGRATION, id, "\"3\"", Map.of("tier", 3)).then().statusCode(200);
    }

    @Test
    void shouldKeepReportingReadOnly() {
        String id = Fixtures.kolOf(ada, "ReadOnly");
        given().header("Authorization", REPORTING).get("/api/v1/kols/" + id).then().statusCode(200);
        create(REPORTING, profile("Nope")).then().statusCode(403);
        patch(REPORTING, id, "\"1\"", Map.of("tier", 1)).then().statusCode(403);
    }

    @Test
    void shouldRefuseMissingExpiredAndForgedTokens() {
        given().get("/api/v1/kols").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.expired("msl-ada", "msl")).get("/api/v1/kols").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/kols").then().statusCode(401);
    }

    @Test
    void shouldLetAManagerAssignOnlyTheMslsTheyManage() {
        Fixtures.directory("msl-team-a", "team-a", "mgr-a");
        Fixtures.directory("msl-team-b", "team-b", "mgr-b");
        String id = Fixtures.kolOf(ada, "Assigned");
        assign(manager("mgr-a"), id, "\"1\"", List.of("msl-team-a")).then().statusCode(200)
                .body("assignedMsls", contains("msl-team-a")).header("ETag", "\"2\"");
        assign(manager("mgr-a"), id, "\"2\"", List.of("msl-team-b")).then().statusCode(403);
        assign(ADMIN, id, "\"2\"", List.of("msl-team-a", "msl-team-b")).then().statusCode(200)
                .body("assignedMsls", contains("msl-team-a", "msl-team-b"));
        assign(ADMIN, id, "\"3\"", List.of("nobody-here")).then().statusCode(400)
                .body("errors[0].field", equalTo("msls[0]"));
        assign(ada, id, "\"3\"", List.of("msl-team-a")).then().statusCode(403);
        given().header("Authorization", msl("msl-team-a"))
                .queryParam("assignedMsl", "msl-team-a").get("/api/v1/kols").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void shouldLetAManagerChangeOnlyTheAssignmentsOfTheirOwnMslsLeavingOtherTeamsAssigned() {
        Fixtures.directory("msl-keep-a", "team-a", "mgr-a");
        Fixtures.directory("msl-keep-b", "team-b", "mgr-b");
        String id = Fixtures.kolOf(ada, "SharedAcrossTeams");
        assign(ADMIN, id, "\"1\"", List.of("msl-keep-a")).then().statusCode(200);
        // mgr-b may add their MSL beside team a's, but not take team a's MSL off the KOL
        assign(manager("mgr-b"), id, "\"2\"", List.of("msl-keep-b")).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("/forbidden"));
        assign(manager("mgr-b"), id, "\"2\"", List.of("msl-keep-a", "msl-keep-b")).then().statusCode(200)
                .body("assignedMsls", contains("msl-keep-a", "msl-keep-b"));
        assign(manager("mgr-a"), id, "\"3\"", List.of("msl-keep-b")).then().statusCode(200)
                .body("assignedMsls", contains("msl-keep-b"));
    }

    private static io.restassured.response.Response assign(String token, String id, String ifMatch, List<String> msls) {
        return given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .body(Map.of("msls", msls)).put("/api/v1/kols/" + id + "/assignments");
    }
}
