package io.rapport.metrics;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Time series per day, ISO week, month and quarter, clipped to the period asked for. */
@QuarkusTest
class SeriesTest {

    static Scenario s;

    @BeforeAll
    static void history() {
        s = Scenario.fresh();
        try (Feed feed = new Feed()) {
            // Sunday 4 Jan 2026 (ISO week 1 began Monday 29 Dec 2025), Monday 5 Jan, 31 Mar, 1 Apr.
            for (String day : new String[] { "2026-01-04", "2026-01-05", "2026-01-05", "2026-03-31", "2026-04-01" }) {
                feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, day, 4));
            }
            feed.awaitApplied();
        }
    }

    @Test
    void shouldBucketByIsoWeekStartingOnMonday() {
        JsonPath weeks = s.mslSeries("2026-01-01", "2026-01-11", "week");
        assertThat(weeks.getList("buckets.start", String.class)).containsExactly("2026-01-01", "2026-01-05");
        assertThat(weeks.getList("buckets.end", String.class)).containsExactly("2026-01-04", "2026-01-11");
        assertThat(weeks.getList("buckets.metrics.interactions.completed", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void shouldBucketByDayMonthAndQuarter() {
        assertThat(s.mslSeries("2026-01-04", "2026-01-06", "day").getList("buckets.metrics.interactions.completed",
                Integer.class)).containsExactly(1, 2, 0);
        JsonPath months = s.mslSeries("2026-01-01", "2026-04-30", "month");
        assertThat(months.getList("buckets.start", String.class))
                .containsExactly("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01");
        assertThat(months.getList("buckets.metrics.interactions.completed", Integer.class)).containsExactly(3, 0, 1, 1);
        JsonPath quarters = s.mslSeries("2026-01-01", "2026-06-30", "quarter");
        assertThat(quarters.getList("buckets.end", String.class)).containsExactly("2026-03-31", "2026-06-30");
        assertThat(quarters.getList("buckets.metrics.interactions.completed", Integer.class)).containsExactly(4, 1);
        assertThat(quarters.getList("buckets.metrics.reach.kolsReached", Integer.class)).containsExactly(1, 1);
    }

    @Test
    void shouldRefuseAPeriodThatCannotBeCharted() {
        given().header("Authorization", REPORTING).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/v1/metrics/msls/" + s.msl).then().statusCode(400).body("detail", containsString("after"));
        given().header("Authorization", REPORTING).queryParam("from", "2020-01-01").queryParam("to", "2026-01-01")
                .queryParam("granularity", "day").get("/api/v1/metrics/msls/" + s.msl).then().statusCode(400)
                .body("detail", containsString("granularity"));
        given().header("Authorization", REPORTING).queryParam("granularity", "fortnight")
                .get("/api/v1/metrics/msls/" + s.msl).then().statusCode(400).body("detail", containsString("granularity"));
        given().header("Authorization", REPORTING).queryParam("from", "yesterday")
                .get("/api/v1/metrics/summary").then().statusCode(400).body("detail", containsString("from"));
    }
}
