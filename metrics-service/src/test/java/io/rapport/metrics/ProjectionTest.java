package io.rapport.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSender;
import io.rapport.testing.KolServiceEvents;
import io.restassured.path.json.JsonPath;

import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Amendments, stale and redelivered events, time zones around midnight, erasure and unreadable events. */
@QuarkusTest
class ProjectionTest {

    @Test
    void shouldMoveTheCountsWhenAnInteractionIsAmendedAndIgnoreStaleVersions() {
        Scenario s = Scenario.fresh();
        UUID id = UUID.randomUUID();
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.planned.v1", s.interaction(id, 1, "PLANNED", "2026-10-05", "VIDEO"));
            feed.send("rapport.interaction.completed.v1", s.completed(id, 2, "2026-10-06", 2));
            // The date and the feedback were corrected within the amendment window.
            feed.send("rapport.interaction.amended.v1", s.completed(id, 3, "2026-10-08", 5));
            // A stale completed event arrives late: ignored.
            feed.send("rapport.interaction.completed.v1", s.completed(id, 2, "2026-10-06", 2));
            feed.awaitApplied();
        }
        JsonPath days = s.mslSeries("2026-10-05", "2026-10-08", "day");
        assertThat(days.getList("buckets.metrics.interactions.planned", Integer.class)).containsExactly(0, 0, 0, 0);
        assertThat(days.getList("buckets.metrics.interactions.completed", Integer.class)).containsExactly(0, 0, 0, 1);
        assertThat(days.getList("buckets.metrics.reach.kolsReached", Integer.class)).containsExactly(0, 0, 0, 1);
        assertThat(s.summary("2026-10-01", "2026-10-31").getDouble("feedback.average")).isEqualTo(5.0);
        assertThat(DevstackResource.sql("SELECT count(*) FROM metrics.contact WHERE msl_id = '" + s.msl + "'")).isEqualTo("1");
    }

    @Test
    void shouldStopCountingAReworkedInsightUntilItIsSubmittedAgain() {
        Scenario s = Scenario.fresh();
        UUID id = UUID.randomUUID();
        try (Feed feed = new Feed()) {
            feed.send("rapport.insight.submitted.v1", s.insight(id, 2, "SUBMITTED", "2026-10-05T10:00:00Z"));
            feed.send("rapport.insight.rejected.v1", s.insight(id, 3, "REJECTED", "2026-10-05T10:00:00Z")
                    .put("rejectedAt", "2026-10-06T10:00:00Z"));
            feed.awaitApplied();
            assertThat(s.summary("2026-10-01", "2026-10-31").getInt("insights.rejected")).isEqualTo(1);
            feed.send("rapport.insight.reworked.v1", s.insight(id, 4, "DRAFT", "2026-10-05T10:00:00Z")
                    .put("rejectedAt", "2026-10-06T10:00:00Z"));
            feed.awaitApplied();
            JsonPath reworked = s.summary("2026-10-01", "2026-10-31");
            assertThat(reworked.getInt("insights.submitted")).isZero();
            assertThat(reworked.getInt("insights.rejected")).isZero();
            feed.send("rapport.insight.submitted.v1", s.insight(id, 5, "SUBMITTED", "2026-10-09T10:00:00Z"));
            feed.awaitApplied();
        }
        JsonPath days = s.mslSeries("2026-10-05", "2026-10-09", "day");
        assertThat(days.getList("buckets.metrics.insights.submitted", Integer.class)).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void shouldCountOnTheLocalDateOfTheTimeZoneAroundMidnight() {
        Scenario s = Scenario.fresh();
        try (Feed feed = new Feed()) {
            // 23:30 UTC is already the next day in Berlin...
            UUID berlin = UUID.randomUUID();
            feed.send("rapport.medical-request.answered.v1", s.request(berlin, 2, "ANSWERED")
                    .put("receivedAt", "2026-10-05T08:00:00Z").put("localDate", "2026-10-05")
                    .put("closedAt", "2026-10-05T23:30:00Z").put("onTime", true));
            // ...and 03:00 UTC still the day before in New York.
            UUID newYork = UUID.randomUUID();
            feed.send("rapport.medical-request.answered.v1", s.request(newYork, 2, "ANSWERED")
                    .put("timeZone", "America/New_York").put("receivedAt", "2026-10-05T12:00:00Z")
                    .put("localDate", "2026-10-05").put("closedAt", "2026-10-06T03:00:00Z").put("onTime", true));
            feed.send("rapport.insight.submitted.v1", s.insight(UUID.randomUUID(), 2, "SUBMITTED", "2026-10-06T22:30:00Z"));
            feed.awaitApplied();
        }
        JsonPath days = s.mslSeries("2026-10-05", "2026-10-07", "day");
        assertThat(days.getList("buckets.metrics.medicalRequests.answered", Integer.class)).containsExactly(1, 1, 0);
        assertThat(days.getList("buckets.metrics.medicalRequests.received", Integer.class)).containsExactly(2, 0, 0);
        assertThat(days.getList("buckets.metrics.insights.submitted", Integer.class)).containsExactly(0, 0, 1);
        // 15.5 h and 15 h: both in the 12-24 h bin, each on its own local day.
        assertThat(days.getInt("buckets[0].metrics.medicalRequests.timeToAnswer[5].count")).isEqualTo(1);
        assertThat(days.getInt("buckets[1].metrics.medicalRequests.timeToAnswer[5].count")).isEqualTo(1);
    }

    @Test
    void shouldKeepTheCountsButNoTraceOfAnErasedKol() {
        Scenario s = Scenario.fresh();
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-10-05", 4));
            feed.send("rapport.resource.shared.v1", s.share(UUID.randomUUID(), "2026-10-05"));
            feed.awaitApplied();
            KolServiceEvents.eraseKol(s.kol, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ERASED".equals(DevstackResource.sql(
                    "SELECT status FROM metrics.kol WHERE kol_id = '" + s.kol + "'")));
            // An interaction published before the erasure arrives after it.
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-10-06", 5));
            feed.awaitApplied();
        }
        JsonPath summary = s.summary("2026-10-01", "2026-10-31");
        assertThat(summary.getInt("interactions.completed")).isEqualTo(2);
        assertThat(summary.getInt("resources.shared")).isEqualTo(1);
        assertThat(summary.getInt("reach.kolsReached")).isEqualTo(1);
        for (String table : new String[] { "rollup_kol", "contact", "contribution", "kol_health" }) {
            assertThat(DevstackResource.sql("SELECT count(*) FROM metrics." + table + " WHERE kol_id = '" + s.kol + "'"))
                    .as(table).isEqualTo("0");
        }
        assertThat(DevstackResource.sql("SELECT count(*) FROM metrics.contribution WHERE facts::text LIKE '%"
                + s.kol + "%'")).isEqualTo("0");
        given().header("Authorization", REPORTING).get("/api/v1/metrics/kols/" + s.kol).then().statusCode(200)
                .body("series.buckets.metrics.interactions.completed.sum()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void shouldDeadLetterAnUnreadableEventAndGoOn() {
        Scenario s = Scenario.fresh();
        ObjectNode missingTeam = s.completed(UUID.randomUUID(), 2, "2026-10-05", 4);
        missingTeam.remove("team");
        try (EmittedEvents dead = EmittedEvents.allOn(DevstackResource.deadLetterTopic("rapport.interaction.v1"));
                EventSender sender = new EventSender();
                Feed feed = new Feed()) {
            sender.send("rapport.interaction.v1", UUID.randomUUID(), "rapport.interaction.completed.v1",
                    missingTeam.path("interactionId").asText(), missingTeam);
            sender.sendRaw("rapport.interaction.v1", "garbage", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-10-05", 4));
            feed.awaitApplied();
            assertThat(dead.awaitCount(e -> true, 2)).hasSize(2);
        }
        assertThat(s.summary("2026-10-01", "2026-10-31").getInt("interactions.completed")).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnEventWhoseNamesCarryTheSeparatorsOfSqlArrays() {
        Scenario s = Scenario.fresh();
        Scenario neighbour = Scenario.fresh();
        // Joined for SQL with U+001F, this team would count under both teams; this MSL list would split in two.
        ObjectNode twoTeams = s.completed(UUID.randomUUID(), 2, "2026-10-12", 4).put("team",
                s.team + "\u001f" + neighbour.team);
        ObjectNode nullMarker = s.completed(UUID.randomUUID(), 2, "2026-10-12", 4).put("mslId", s.msl + "\u001e");
        ObjectNode kol = Feed.example("rapport.kol.created.v1").put("kolId", UUID.randomUUID().toString());
        kol.putArray("assignedMsls").add(s.msl + "\u001f" + neighbour.msl);
        UUID[] poison = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
        try (EmittedEvents interactions = EmittedEvents.allOn(DevstackResource.deadLetterTopic("rapport.interaction.v1"));
                EmittedEvents kols = EmittedEvents.allOn(DevstackResource.deadLetterTopic("rapport.kol.v1"));
                EventSender sender = new EventSender();
                Feed feed = new Feed()) {
            sender.send("rapport.interaction.v1", poison[0], "rapport.interaction.completed.v1",
                    twoTeams.path("interactionId").asText(), twoTeams);
            sender.send("rapport.interaction.v1", poison[1], "rapport.interaction.completed.v1",
                    nullMarker.path("interactionId").asText(), nullMarker);
            sender.send("rapport.kol.v1", poison[2], "rapport.kol.created.v1", kol.path("kolId").asText(), kol);
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-10-12", 4));
            feed.awaitApplied();
            interactions.await(e -> poison[0].toString().equals(e.id()));
            interactions.await(e -> poison[1].toString().equals(e.id()));
            kols.await(e -> poison[2].toString().equals(e.id()));
        }
        assertThat(s.summary("2026-10-01", "2026-10-31").getInt("interactions.completed")).isEqualTo(1);
        assertThat(neighbour.summary("2026-10-01", "2026-10-31").getInt("interactions.completed")).isZero();
        assertThat(DevstackResource.sql("SELECT count(*) FROM metrics.kol WHERE kol_id = '" + kol.path("kolId").asText()
                + "'")).isEqualTo("0");
    }
}
