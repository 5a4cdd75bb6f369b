package io.rapport.metrics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.KolServiceEvents;
import io.rapport.testing.Tokens;
import io.restassured.path.json.JsonPath;

import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Coverage of tier 1-2 and assigned KOLs, and relationship health lowest first (docs/metrics.md). */
@QuarkusTest
class CoverageHealthTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static Scenario s;
    static String area;
    static String metRecently;
    static String metLongAgo;
    static String neverMet;
    static String otherTeams;

    @BeforeAll
    static void kols() {
        s = Scenario.fresh();
        area = "AREA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        KolServiceEvents.therapeuticArea(area);
        metRecently = kol(1, List.of(s.msl), "ACTIVE");
        neverMet = kol(2, List.of(s.msl), "ACTIVE");
        metLongAgo = kol(3, List.of(s.msl), "ACTIVE");
        otherTeams = kol(1, List.of("msl-elsewhere"), "ACTIVE");
        kol(1, List.of(s.msl), "INACTIVE");
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", new Scenario(s.team, s.msl, metRecently)
                    .completed(UUID.randomUUID(), 2, TODAY.minusDays(10).toString(), 5));
            feed.send("rapport.interaction.completed.v1", new Scenario(s.team, s.msl, metLongAgo)
                    .completed(UUID.randomUUID(), 2, TODAY.minusDays(120).toString(), 4));
            feed.awaitApplied();
        }
    }

    static String kol(int tier, List<String> msls, String status) {
        return Feed.kol(Map.of("tier", tier, "therapeuticAreas", List.of(area), "assignedMsls", msls, "status", status));
    }

    @Test
    void shouldShowTheShareOfTierOneTwoAndAssignedKolsMet() {
        JsonPath coverage = given().header("Authorization", REPORTING).queryParam("team", s.team)
                .queryParam("therapeuticArea", area).queryParam("from", TODAY.minusDays(30).toString())
                .queryParam("to", TODAY.toString()).get("/api/v1/metrics/coverage").then().statusCode(200)
                .extract().jsonPath();
        // Tier 1-2 in the area: metRecently, neverMet, otherTeams; the team met one of them in the last 30 days.
        assertThat(coverage.getInt("tierOneTwoKols")).isEqualTo(3);
        assertThat(coverage.getInt("tierOneTwoReached")).isEqualTo(1);
        assertThat(coverage.getDouble("tierOneTwoCoverage")).isEqualTo(0.3333);
        // Assigned to the team's MSL: metRecently, neverMet, metLongAgo (the inactive one does not count).
        assertThat(coverage.getInt("assignedKols")).isEqualTo(3);
        assertThat(coverage.getInt("assignedReached")).isEqualTo(1);
        JsonPath longer = given().header("Authorization", REPORTING).queryParam("team", s.team)
                .queryParam("therapeuticArea", area).queryParam("from", TODAY.minusDays(200).toString())
                .queryParam("to", TODAY.toString()).get("/api/v1/metrics/coverage").then().extract().jsonPath();
        assertThat(longer.getInt("assignedReached")).isEqualTo(2);
        assertThat(longer.getDouble("assignedCoverage")).isEqualTo(0.6667);
    }

    @Test
    void shouldListAssignedKolsLowestHealthFirstWithTheirComponents() {
        JsonPath health = given().header("Authorization", Tokens.msl(s.msl)).get("/api/v1/metrics/kols/health")
                .then().statusCode(200).extract().jsonPath();
        List<String> order = health.getList("items.kolId", String.class);
        // Never met (23, also the scenario's own KOL), met 120 days ago (38), met 10 days ago (64).
        assertThat(order).hasSize(4).containsSubsequence(neverMet, metLongAgo, metRecently).doesNotContain(otherTeams);
        assertThat(health.getList("items.score", Integer.class)).containsExactly(23, 23, 38, 64);
        JsonPath kol = given().header("Authorization", REPORTING).get("/api/v1/metrics/kols/" + metRecently).then()
                .statusCode(200).extract().jsonPath();
        assertThat(kol.getMap("health")).containsEntry("score", 64).containsEntry("recency", 100)
                .containsEntry("frequency", 17).containsEntry("feedback", 100).containsEntry("reciprocity", 0)
                .containsEntry("responsiveness", 100).containsEntry("lastContact", TODAY.minusDays(10).toString())
                .containsEntry("tier", 1);
    }

    @Test
    void shouldPageThroughHealthWithoutGapsOrRepeats() {
        JsonPath first = given().header("Authorization", REPORTING).queryParam("team", s.team).queryParam("limit", 3)
                .get("/api/v1/metrics/kols/health").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().header("Authorization", REPORTING).queryParam("team", s.team).queryParam("limit", 3)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/metrics/kols/health").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.kolId", String.class)).hasSize(3);
        assertThat(second.getList("items.kolId", String.class)).containsExactly(metRecently);
        assertThat(second.getString("nextCursor")).isNull();
    }
}
