package io.rapport.metrics;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Reporting and admins read everything; a manager the teams they manage; an MSL only their own numbers. */
@QuarkusTest
class AccessTest {

    static Scenario mine;
    static Scenario other;

    @BeforeAll
    static void twoTeams() {
        mine = Scenario.fresh();
        other = Scenario.fresh();
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", mine.completed(UUID.randomUUID(), 2, "2026-08-03", 4));
            feed.send("rapport.interaction.completed.v1", other.completed(UUID.randomUUID(), 2, "2026-08-03", 4));
            feed.awaitApplied();
        }
    }

    @Test
    void shouldLetAnMslReadOnlyTheirOwnNumbers() {
        String msl = Tokens.msl(mine.msl);
        get(msl, "/api/v1/metrics/summary", Map.of("from", "2026-08-01", "to", "2026-08-31")).then().statusCode(200)
                .body("scope", equalTo("msl:" + mine.msl)).body("metrics.interactions.completed", equalTo(1));
        get(msl, "/api/v1/metrics/summary", Map.of("team", other.team)).then().statusCode(403);
        get(msl, "/api/v1/metrics/summary", Map.of("therapeuticArea", "ONCOLOGY")).then().statusCode(400);
        get(msl, "/api/v1/metrics/msls/" + mine.msl, Map.of()).then().statusCode(200);
        get(msl, "/api/v1/metrics/msls/" + other.msl, Map.of()).then().statusCode(403);
        get(msl, "/api/v1/metrics/teams/" + mine.team, Map.of()).then().statusCode(403);
        get(msl, "/api/v1/metrics/therapeutic-areas/ONCOLOGY", Map.of()).then().statusCode(403);
        get(msl, "/api/v1/metrics/kols/" + mine.kol, Map.of()).then().statusCode(200);
        get(msl, "/api/v1/metrics/kols/" + other.kol, Map.of()).then().statusCode(403);
        get(msl, "/api/v1/metrics/kols/health", Map.of()).then().statusCode(200).body("items.kolId", equalTo(
                java.util.List.of(mine.kol)));
        get(msl, "/api/v1/metrics/coverage", Map.of()).then().statusCode(200).body("scope", equalTo("msl:" + mine.msl));
        given().header("Authorization", msl).post("/api/v1/metrics/admin/rebuild").then().statusCode(403);
    }

    @Test
    void shouldLetAManagerReadTheTeamsTheyManage() {
        String manager = Tokens.manager(mine.manager());
        get(manager, "/api/v1/metrics/summary", Map.of("from", "2026-08-01", "to", "2026-08-31")).then().statusCode(200)
                .body("scope", equalTo("teams:" + mine.team)).body("metrics.interactions.completed", equalTo(1));
        get(manager, "/api/v1/metrics/summary", Map.of("team", other.team)).then().statusCode(403);
        get(manager, "/api/v1/metrics/teams/" + mine.team, Map.of()).then().statusCode(200);
        get(manager, "/api/v1/metrics/teams/" + other.team, Map.of()).then().statusCode(403);
        get(manager, "/api/v1/metrics/msls/" + mine.msl, Map.of()).then().statusCode(200);
        get(manager, "/api/v1/metrics/msls/" + other.msl, Map.of()).then().statusCode(403);
        get(manager, "/api/v1/metrics/msls/msl-nobody", Map.of()).then().statusCode(404);
        get(manager, "/api/v1/metrics/kols/health", Map.of()).then().statusCode(200)
                .body("items.kolId", equalTo(java.util.List.of(mine.kol)));
        get(manager, "/api/v1/metrics/therapeutic-areas/ONCOLOGY", Map.of("from", "2026-08-01", "to", "2026-08-31",
                "granularity", "month")).then().statusCode(200).body("buckets[0].metrics.interactions.completed", equalTo(1));
    }

    @Test
    void shouldLetReportingReadEverythingButRefuseOtherRoles() {
        String reporting = Tokens.REPORTING;
        get(reporting, "/api/v1/metrics/teams/" + other.team, Map.of("from", "2026-08-01", "to", "2026-08-31",
                "granularity", "month")).then().statusCode(200).body("buckets[0].metrics.interactions.completed", equalTo(1));
        get(Tokens.INTEGRATION, "/api/v1/metrics/summary", Map.of()).then().statusCode(403);
        given().get("/api/v1/metrics/summary").then().statusCode(401);
        given().header("Authorization", reporting).post("/api/v1/metrics/admin/rebuild").then().statusCode(403);
    }

    private static io.restassured.response.Response get(String token, String path, Map<String, ?> query) {
        return given().header("Authorization", token).queryParams(query).get(path);
    }
}
