package io.rapport.metrics;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.testing.KolServiceEvents;
import io.restassured.path.json.JsonPath;

import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;

/**
 * One MSL of one team and one KOL, with the events the other services would publish about them (built from
 * the documented examples). Each test makes its own, so numbers never mix between tests.
 */
final class Scenario {

    final String team;
    final String msl;
    final String kol;

    Scenario(String team, String msl, String kol) {
        this.team = team;
        this.msl = msl;
        this.kol = kol;
    }

    /** A fresh team, MSL (in the directory, Europe/Berlin) and tier 1 German KOL assigned to the MSL. */
    static Scenario fresh() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String msl = "msl-" + suffix;
        String team = "team-" + suffix;
        KolServiceEvents.msl(msl, team, "mgr-" + suffix, "Europe/Berlin");
        String kol = Feed.kol(Map.of("tier", 1, "country", "DE", "assignedMsls", java.util.List.of(msl)));
        return new Scenario(team, msl, kol);
    }

    String manager() {
        return "mgr-" + team.substring("team-".length());
    }

    ObjectNode interaction(UUID id, long version, String status, String localDate, String channel) {
        ObjectNode data = Feed.example("rapport.interaction.planned.v1").put("interactionId", id.toString())
                .put("kolId", kol).put("mslId", msl).put("team", team).put("status", status).put("localDate", localDate)
                .put("plannedStart", localDate + "T09:00:00Z").put("channel", channel).put("overPreferredDuration", false)
                .put("aggregateVersion", version);
        data.putArray("transfersOfValue");
        return data;
    }

    /** A completed interaction of 30 minutes on that day, with a feedback score. */
    ObjectNode completed(UUID id, long version, String localDate, int feedback) {
        return interaction(id, version, "COMPLETED", localDate, "IN_PERSON").put("occurredAt", localDate + "T10:00:00Z")
                .put("durationMinutes", 30).put("feedbackScore", feedback);
    }

    ObjectNode request(UUID id, long version, String status) {
        return Feed.example("rapport.medical-request.received.v1").put("requestId", id.toString()).put("kolId", kol)
                .put("mslId", msl).put("team", team).put("status", status).put("aggregateVersion", version);
    }

    ObjectNode insight(UUID id, long version, String status, String submittedAt) {
        ObjectNode data = Feed.example("rapport.insight.submitted.v1").put("insightId", id.toString()).put("kolId", kol)
                .put("author", msl).put("team", team).put("status", status).put("submittedAt", submittedAt)
                .put("createdAt", submittedAt).put("aggregateVersion", version);
        data.remove("validatedAt");
        return data;
    }

    ObjectNode share(UUID id, String localDate) {
        return Feed.example("rapport.resource.shared.v1").put("shareId", id.toString()).put("kolId", kol)
                .put("mslId", msl).put("team", team).put("localDate", localDate).put("sharedAt", localDate + "T11:00:00Z");
    }

    ObjectNode followUp(UUID id, long version, String dueDate) {
        return Feed.example("rapport.followup.created.v1").put("followUpId", id.toString()).put("kolId", kol)
                .put("assignee", msl).put("team", team).put("dueDate", dueDate).put("aggregateVersion", version);
    }

    /** The team's summary over the period (as reporting). */
    JsonPath summary(String from, String to) {
        return given().header("Authorization", REPORTING).queryParam("from", from).queryParam("to", to)
                .queryParam("team", team).get("/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath()
                .setRootPath("metrics");
    }

    /** The MSL's series (as reporting). */
    JsonPath mslSeries(String from, String to, String granularity) {
        return given().header("Authorization", REPORTING).queryParam("from", from).queryParam("to", to)
                .queryParam("granularity", granularity).get("/api/v1/metrics/msls/" + msl).then().statusCode(200)
                .extract().jsonPath();
    }
}
