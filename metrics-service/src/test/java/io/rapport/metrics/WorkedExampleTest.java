package io.rapport.metrics;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.KolServiceEvents;
import io.restassured.path.json.JsonPath;

import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/metrics.md, replayed through Kafka event by event (with a redelivery and a
 * stale event); the summary must show exactly the documented numbers.
 */
@QuarkusTest
class WorkedExampleTest {

    static final String TEAM = "oncology-north";
    static final String ADA = "msl-ada";
    static final UUID I1 = UUID.randomUUID();
    static String k1;
    static Scenario week;

    @BeforeAll
    static void replay() {
        KolServiceEvents.msl(ADA, TEAM, "mgr-grace", "Europe/Berlin");
        k1 = Feed.kol(Map.of("tier", 1, "country", "DE"));
        week = new Scenario(TEAM, ADA, k1);
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.planned.v1", week.interaction(I1, 1, "PLANNED", "2026-12-01", "VIDEO"));
            ObjectNode completed = week.interaction(I1, 2, "COMPLETED", "2026-12-01", "VIDEO").put("durationMinutes", 30)
                    .put("feedbackScore", 4).put("occurredAt", "2026-12-01T09:00:00Z");
            completed.putArray("transfersOfValue").addObject().put("kind", "MEAL").put("amount", 42.50).put("currency", "EUR");
            UUID completedEvent = feed.send("rapport.interaction.completed.v1", completed);

            UUID i2 = UUID.randomUUID();
            ObjectNode direct = week.interaction(i2, 1, "COMPLETED", "2026-12-02", "IN_PERSON").put("durationMinutes", 45)
                    .put("feedbackScore", 5).put("occurredAt", "2026-12-02T10:00:00Z").put("offPreferenceChannel", true)
                    .put("adverseEventMentioned", true).put("safetyReportId", "DS-1");
            direct.remove("plannedStart");
            feed.send("rapport.interaction.completed.v1", direct);

            UUID i3 = UUID.randomUUID();
            feed.send("rapport.interaction.planned.v1", week.interaction(i3, 1, "PLANNED", "2026-12-03", "PHONE"));
            feed.send("rapport.interaction.cancelled.v1", week.interaction(i3, 2, "CANCELLED", "2026-12-03", "PHONE"));
            UUID i4 = UUID.randomUUID();
            feed.send("rapport.interaction.planned.v1", week.interaction(i4, 1, "PLANNED", "2026-12-04", "VIDEO"));
            feed.send("rapport.interaction.no-show.v1", week.interaction(i4, 2, "NO_SHOW", "2026-12-04", "VIDEO"));

            feed.send("rapport.interaction.amended.v1", direct.deepCopy().put("feedbackScore", 3).put("aggregateVersion", 2));

            feed.send(completedEvent, "rapport.interaction.completed.v1", completed);
            feed.send("rapport.interaction.planned.v1", week.interaction(I1, 1, "PLANNED", "2026-12-01", "VIDEO"));

            UUID m1 = UUID.randomUUID();
            ObjectNode received = week.request(m1, 1, "RECEIVED").put("receivedAt", "2026-12-01T10:00:00Z")
                    .put("localDate", "2026-12-01");
            feed.send("rapport.medical-request.received.v1", received);
            feed.send("rapport.medical-request.answered.v1", received.deepCopy().put("aggregateVersion", 2)
                    .put("status", "ANSWERED").put("closedAt", "2026-12-02T16:00:00Z").put("onTime", true));
            feed.send("rapport.medical-request.flagged.v1", week.request(UUID.randomUUID(), 1, "COMPLIANCE_REVIEW")
                    .put("receivedAt", "2026-12-05T10:00:00Z").put("localDate", "2026-12-05").put("offLabel", true)
                    .put("unsolicited", false));

            UUID n1 = UUID.randomUUID();
            feed.send("rapport.insight.submitted.v1", week.insight(n1, 2, "SUBMITTED", "2026-12-01T10:00:00Z"));
            feed.send("rapport.insight.validated.v1", week.insight(n1, 3, "VALIDATED", "2026-12-01T10:00:00Z")
                    .put("validatedAt", "2026-12-02T10:00:00Z").put("curatedBy", "mgr-grace"));
            UUID n2 = UUID.randomUUID();
            feed.send("rapport.insight.submitted.v1", week.insight(n2, 2, "SUBMITTED", "2026-12-02T10:00:00Z"));
            feed.send("rapport.insight.rejected.v1", week.insight(n2, 3, "REJECTED", "2026-12-02T10:00:00Z")
                    .put("rejectedAt", "2026-12-03T10:00:00Z").put("curatedBy", "mgr-grace"));

            feed.send("rapport.resource.shared.v1", Feed.example("rapport.resource.shared.v1")
                    .put("shareId", UUID.randomUUID().toString()).put("kolId", k1).put("mslId", ADA).put("team", TEAM)
                    .put("localDate", "2026-12-02").put("sharedAt", "2026-12-02T11:00:00Z"));

            UUID f1 = UUID.randomUUID();
            ObjectNode followUp = Feed.example("rapport.followup.created.v1").put("followUpId", f1.toString())
                    .put("kolId", k1).put("assignee", ADA).put("team", TEAM).put("dueDate", "2026-12-04");
            feed.send("rapport.followup.created.v1", followUp);
            feed.send("rapport.followup.completed.v1", followUp.deepCopy().put("aggregateVersion", 2).put("status", "DONE")
                    .put("completedAt", "2026-12-03T15:00:00Z").put("doneOnTime", true));
            feed.awaitApplied();
        }
    }

    @Test
    void shouldShowTheDocumentedNumbersForTheWeek() {
        JsonPath summary = given().header("Authorization", REPORTING).queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-07").queryParam("team", TEAM).get("/api/v1/metrics/summary").then()
                .statusCode(200).extract().jsonPath().setRootPath("metrics");
        assertThat(summary.getInt("interactions.planned")).isZero();
        assertThat(summary.getInt("interactions.completed")).isEqualTo(2);
        assertThat(summary.getInt("interactions.cancelled")).isEqualTo(1);
        assertThat(summary.getInt("interactions.noShow")).isEqualTo(1);
        assertThat(summary.getMap("interactions.byChannel")).containsExactlyInAnyOrderEntriesOf(
                Map.of("VIDEO", 1, "IN_PERSON", 1));
        assertThat(summary.getDouble("interactions.cancellationRate")).isEqualTo(0.6667);
        assertThat(summary.getDouble("interactions.preferredChannelShare")).isEqualTo(0.5);
        assertThat(summary.getDouble("interactions.averageMinutes")).isEqualTo(37.5);
        assertThat(summary.getDouble("feedback.average")).isEqualTo(3.5);
        assertThat(summary.getInt("feedback.count")).isEqualTo(2);
        assertThat(summary.getInt("reach.kolsReached")).isEqualTo(1);
        assertThat(summary.getInt("reach.kolsReachedWithContent")).isEqualTo(1);
        assertThat(summary.getInt("insights.submitted")).isEqualTo(2);
        assertThat(summary.getInt("insights.validated")).isEqualTo(1);
        assertThat(summary.getInt("insights.rejected")).isEqualTo(1);
        assertThat(summary.getDouble("insights.validatedRate")).isEqualTo(0.5);
        assertThat(summary.getDouble("insights.perCompletedInteraction")).isEqualTo(1.0);
        assertThat(summary.getInt("resources.shared")).isEqualTo(1);
        assertThat(summary.getDouble("resources.perCompletedInteraction")).isEqualTo(0.5);
        assertThat(summary.getInt("medicalRequests.received")).isEqualTo(2);
        assertThat(summary.getInt("medicalRequests.answered")).isEqualTo(1);
        assertThat(summary.getInt("medicalRequests.answeredOnTime")).isEqualTo(1);
        assertThat(summary.getDouble("medicalRequests.onTimeRate")).isEqualTo(1.0);
        assertThat(summary.getInt("medicalRequests.flaggedForReview")).isEqualTo(1);
        assertThat(summary.getInt("medicalRequests.offLabel")).isEqualTo(1);
        assertThat(summary.getDouble("medicalRequests.medianHoursToAnswer")).isEqualTo(36.0);
        assertThat(summary.getInt("followUps.due")).isEqualTo(1);
        assertThat(summary.getDouble("followUps.onTimeRate")).isEqualTo(1.0);
        assertThat(summary.getInt("safety.mentioned")).isEqualTo(1);
        assertThat(summary.getInt("safety.reportsDue")).isEqualTo(1);
        assertThat(summary.getDouble("safety.onTimeRate")).isEqualTo(1.0);
        assertThat(summary.getString("transfersOfValue[0].kind")).isEqualTo("MEAL");
        assertThat(summary.getInt("transfersOfValue[0].count")).isEqualTo(1);
        assertThat(summary.getDouble("transfersOfValue[0].amounts.EUR")).isEqualTo(42.5);
    }

    @Test
    void shouldCountTheSameWeekUnderTheMslAndTheKol() {
        JsonPath msl = given().header("Authorization", REPORTING).queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-07").queryParam("granularity", "day").get("/api/v1/metrics/msls/" + ADA)
                .then().statusCode(200).extract().jsonPath();
        assertThat(msl.getList("buckets.start", String.class)).hasSize(7).startsWith("2026-12-01").endsWith("2026-12-07");
        assertThat(msl.getList("buckets.metrics.interactions.completed", Integer.class)).containsExactly(1, 1, 0, 0, 0, 0, 0);
        assertThat(msl.getList("buckets.metrics.medicalRequests.answered", Integer.class)).containsExactly(0, 1, 0, 0, 0, 0, 0);
        JsonPath kol = given().header("Authorization", REPORTING).queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-07").queryParam("granularity", "week").get("/api/v1/metrics/kols/" + k1)
                .then().statusCode(200).extract().jsonPath();
        assertThat(kol.getInt("series.buckets[0].metrics.interactions.completed")).isEqualTo(2);
        assertThat(kol.getDouble("series.buckets[0].metrics.feedback.average")).isEqualTo(3.5);
    }
}
