package io.rapport.interaction;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.BOB;
import static io.rapport.interaction.Fixtures.GRACE;
import static io.rapport.interaction.Fixtures.OTTO;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.completion;
import static io.rapport.interaction.Fixtures.create;
import static io.rapport.interaction.Fixtures.patch;
import static io.rapport.interaction.Fixtures.planned;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Who sees and changes which records: every cell of the role matrix, and no leaks by id. */
@QuarkusTest
class AccessTest {

    private final String ada = msl(ADA);
    private final String bob = msl(BOB);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldHideAnotherMslsRecordsAs404() {
        String kol = Fixtures.kol();
        String id = Fixtures.interactionOf(ada, kol);
        String request = given().header("Authorization", ada).contentType("application/json")
                .body(MedicalRequestTest.request(kol)).post("/api/v1/medical-requests").then().statusCode(201)
                .extract().path("id");
        String followUp = FollowUpTest.followUp(ada, id, Map.of("description", "d", "dueDate", "2099-01-01")).then()
                .statusCode(201).extract().path("id");
        given().header("Authorization", bob).get("/api/v1/interactions/" + id).then().statusCode(404);
        given().header("Authorization", bob).get("/api/v1/medical-requests/" + request).then().statusCode(404);
        given().header("Authorization", bob).get("/api/v1/follow-ups/" + followUp).then().statusCode(404);
        patch(bob, id, "\"1\"", Map.of("durationMinutes", 5)).then().statusCode(404);
        action(bob, id, "cancel", "\"1\"", Map.of()).then().statusCode(404);
        given().header("Authorization", bob).queryParam("kolId", kol).get("/api/v1/interactions").then()
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void shouldLetAManagerSeeAndChangeTheirTeamsRecordsOnly() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        given().header("Authorization", manager(GRACE)).get("/api/v1/interactions/" + id).then().statusCode(200);
        given().header("Authorization", manager(OTTO)).get("/api/v1/interactions/" + id).then().statusCode(404);
        action(manager(GRACE), id, "complete", "\"1\"", completion()).then().statusCode(200);
        given().header("Authorization", manager(GRACE)).queryParam("team", "oncology-north").get("/api/v1/interactions")
                .then().body("items.id", hasItem(id));
    }

    @Test
    void shouldLetAManagerRecordForTheirMslsButNotForOthers() {
        String kol = Fixtures.kol();
        Map<String, Object> forAda = planned(kol);
        forAda.put("mslId", ADA);
        create(manager(GRACE), forAda).then().statusCode(201).body("mslId", equalTo(ADA)).body("recordedBy", equalTo(GRACE));
        Map<String, Object> forBob = planned(kol);
        forBob.put("mslId", BOB);
        create(manager(GRACE), forBob).then().statusCode(403);
        create(ada, forBob).then().statusCode(403);
    }

    @Test
    void shouldLetAdminsSeeAllReportingReadOnlyAndIntegrationsRecordForANamedMsl() {
        String id = Fixtures.interactionOf(ada, Fixtures.kol());
        given().header("Authorization", ADMIN).get("/api/v1/interactions/" + id).then().statusCode(200);
        given().header("Authorization", REPORTING).get("/api/v1/interactions/" + id).then().statusCode(200);
        patch(REPORTING, id, "\"1\"", Map.of("durationMinutes", 5)).then().statusCode(403);
        create(REPORTING, planned(Fixtures.kol())).then().statusCode(403);
        Map<String, Object> named = planned(Fixtures.kol());
        named.put("mslId", BOB);
        create(INTEGRATION, named).then().statusCode(201).body("team", equalTo("oncology-south"))
                .body("timeZone", equalTo("America/New_York"));
        patch(ADMIN, id, "\"1\"", Map.of("durationMinutes", 50)).then().statusCode(200);
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() {
        given().get("/api/v1/interactions").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.expired(ADA, "msl")).get("/api/v1/interactions").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(ADA, "reporting")).contentType("application/json")
                .body(planned(Fixtures.kol())).post("/api/v1/interactions").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
