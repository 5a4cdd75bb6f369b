package io.rapport.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.security.Pseudonyms;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.KolServiceEvents;
import io.rapport.testing.ReceivedEvent;
import io.restassured.path.json.JsonPath;

import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * GDPR Art. 17 in metrics-service: after {@code kol.erased} no column of any table of any schema links anything
 * to the KOL (only the tombstone that keeps the erasure applied, and the confirmation waiting in the outbox);
 * every count stays, under the KOL's pseudonym; and the erasure is confirmed once on rapport.metrics.v1, in the
 * transaction that applied it, never again when a rebuild replays it.
 */
@QuarkusTest
class ErasureTest {

    /** Where the KOL's id may stay: the tombstone's key, and the confirmation kol-service collects. */
    static final Set<String> KEPT = Set.of("metrics.kol.kol_id", "public.outbox.aggregate_id", "public.outbox.payload");

    @Test
    void shouldLeaveNothingLinkedToTheKolInAnyStoreButKeepEveryCount() {
        Story story = Story.told();
        Map<String, Long> before = Stores.columnsHolding(story.kol());
        assertThat(before).as("the scan finds the KOL where the projections keep it").containsKeys(
                "metrics.kol.kol_id", "metrics.rollup_kol.kol_id", "metrics.contact.kol_id", "metrics.contribution.kol_id",
                "metrics.contribution.facts", "metrics.kol_health.kol_id", "public.idempotency_key.body");
        JsonPath numbers = story.scenario.summary("2026-09-01", "2026-09-30");

        story.erase();
        // An interaction published before the erasure arrives after it (another topic, no order across topics).
        story.lateInteraction();

        assertThat(Stores.columnsHolding(story.kol()).keySet()).as("after the erasure, in " + Stores.schemasScanned())
                .isSubsetOf(KEPT);
        assertNoTrace(story);
        JsonPath after = story.scenario.summary("2026-09-01", "2026-09-30");
        assertThat(after.getInt("interactions.completed")).isEqualTo(numbers.getInt("interactions.completed") + 1);
        assertThat(after.getInt("resources.shared")).isEqualTo(numbers.getInt("resources.shared"));
        assertThat(after.getInt("medicalRequests.answered")).isEqualTo(numbers.getInt("medicalRequests.answered"));
        assertThat(after.getInt("insights.submitted")).isEqualTo(numbers.getInt("insights.submitted"));
        assertThat(after.getInt("reach.kolsReached")).as("still one KOL reached, now a pseudonym").isEqualTo(1);
        assertThat(DevstackResource.sql("SELECT coalesce(sum(value), 0) FROM metrics.rollup_kol WHERE kol_id = '"
                + story.pseudonym() + "' AND metric = 'interactions.completed'")).isEqualTo("2");
        assertThat(DevstackResource.sql("SELECT count(*) FROM idempotency_key WHERE body LIKE '%" + story.kol() + "%'"))
                .as("stored replies naming the KOL").isEqualTo("0");
    }

    @Test
    void shouldConfirmTheErasureOnceOnItsOwnTopicAndNotAgainWhenARebuildReplaysIt() {
        Story story = Story.told();
        try (EmittedEvents confirmations = EmittedEvents.on("rapport.metrics.v1")) {
            story.erase();
            ReceivedEvent confirmed = confirmations.await(EmittedEvents.ofType("rapport.erasure.confirmed.v1", story.kol()));
            EventSchemas.assertValid(confirmed);
            JsonNode data = confirmed.data();
            assertThat(data.path("service").asText()).isEqualTo("metrics-service");
            assertThat(data.path("kolId").asText()).isEqualTo(story.kol());
            // the profile, its health and the five counted records (interaction, share, request, insight, follow-up)
            assertThat(data.path("recordsErased").asInt()).isEqualTo(7);
            assertThat(data.path("recordsHeld").asInt()).isZero();
        }

        given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild").then().statusCode(202);
        RebuildTest.awaitDone();

        try (EmittedEvents all = EmittedEvents.allOn(DevstackResource.topic("rapport.metrics.v1"))) {
            List<ReceivedEvent> mine = all.drain(Duration.ofSeconds(3)).stream()
                    .filter(EmittedEvents.ofType("rapport.erasure.confirmed.v1", story.kol())).toList();
            assertThat(mine).as("confirmations of this erasure after a rebuild replayed it").hasSize(1);
        }
        assertThat(DevstackResource.sql("SELECT count(*) FROM outbox WHERE type = 'rapport.erasure.confirmed.v1' "
                + "AND aggregate_id = '" + story.kol() + "'")).isEqualTo("1");
        assertThat(Stores.columnsHolding(story.kol()).keySet()).as("after the rebuild").isSubsetOf(KEPT);
        assertNoTrace(story);
        assertThat(story.scenario.summary("2026-09-01", "2026-09-30").getInt("reach.kolsReached")).isEqualTo(1);
    }

    /** What stays under the KOL's id is a tombstone without a fact, and the API answers hold nothing of them. */
    private static void assertNoTrace(Story story) {
        assertThat(DevstackResource.sql("SELECT status || '|' || coalesce(tier::text, '') || '|' || coalesce(country, '') "
                + "|| '|' || cardinality(therapeutic_areas) || '|' || cardinality(assigned_msls) || '|' "
                + "|| conflicts_of_interest FROM metrics.kol WHERE kol_id = '" + story.kol() + "'"))
                .isEqualTo("ERASED|||0|0|false");
        assertThat(DevstackResource.sql("SELECT count(*) FROM outbox WHERE (aggregate_id = '" + story.kol()
                + "' OR payload::text LIKE '%" + story.kol() + "%') AND type <> 'rapport.erasure.confirmed.v1'"))
                .isEqualTo("0");
        for (String marker : story.markers) {
            assertThat(Stores.columnsHolding(marker)).as("the KOL's research topics and specialties").isEmpty();
        }
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + story.kol() + "/personal-data").then()
                .statusCode(200).body("records.profile.status", equalTo(List.of("ERASED")))
                .body("records.relationshipHealth", empty()).body("records.dailyCounters", empty())
                .body("records.contacts", empty()).body("records.countedRecords", empty());
        given().header("Authorization", REPORTING).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/api/v1/metrics/kols/" + story.kol()).then().statusCode(200)
                .body("health", org.hamcrest.Matchers.nullValue())
                .body("series.buckets.metrics.interactions.completed.sum()", equalTo(0));
        given().header("Authorization", REPORTING).queryParam("team", story.scenario.team).get("/api/v1/metrics/kols/health")
                .then().statusCode(200).body("items", empty());
    }

    /**
     * A KOL with a month of everything metrics-service counts, research topics and specialties marked so a
     * scan can look for them, and a stored Idempotency-Key reply naming the KOL (as a POST about it would leave).
     */
    record Story(Scenario scenario, List<String> markers) {

        static Story told() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String msl = "msl-" + suffix;
            String team = "team-" + suffix;
            KolServiceEvents.msl(msl, team, "mgr-" + suffix, "Europe/Berlin");
            List<String> markers = List.of("topic-" + UUID.randomUUID(), "specialty-" + UUID.randomUUID());
            String kol = Feed.kol(Map.of("tier", 2, "country", "AT", "assignedMsls", List.of(msl),
                    "researchTopics", List.of(markers.get(0)), "specialties", List.of(markers.get(1))));
            Scenario s = new Scenario(team, msl, kol);
            try (Feed feed = new Feed()) {
                feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-09-07", 4));
                feed.send("rapport.resource.shared.v1", s.share(UUID.randomUUID(), "2026-09-07"));
                feed.send("rapport.medical-request.answered.v1", s.request(UUID.randomUUID(), 2, "ANSWERED")
                        .put("receivedAt", "2026-09-07T08:00:00Z").put("localDate", "2026-09-07")
                        .put("closedAt", "2026-09-08T08:00:00Z").put("onTime", true));
                feed.send("rapport.insight.submitted.v1", s.insight(UUID.randomUUID(), 2, "SUBMITTED", "2026-09-07T12:00:00Z"));
                feed.send("rapport.followup.created.v1", s.followUp(UUID.randomUUID(), 1, "2026-09-10"));
                feed.awaitApplied();
            }
            DevstackResource.sql("INSERT INTO idempotency_key (subject, method, path, key, request_hash, status, body) "
                    + "VALUES ('admin-1', 'POST', '/api/v1/somewhere', '" + UUID.randomUUID() + "', 'h', 201, "
                    + "'{\"kolId\": \"" + kol + "\"}')");
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(DevstackResource.sql(
                    "SELECT count(*) FROM metrics.kol_health WHERE kol_id = '" + kol + "'")));
            return new Story(s, markers);
        }

        String kol() {
            return scenario.kol;
        }

        String pseudonym() {
            return new Pseudonyms("test-only-pseudonym-key", "metrics-service").of(UUID.fromString(kol())).toString();
        }

        void erase() {
            KolServiceEvents.eraseKol(kol(), 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ERASED".equals(DevstackResource.sql(
                    "SELECT status FROM metrics.kol WHERE kol_id = '" + kol() + "'")));
        }

        void lateInteraction() {
            try (Feed feed = new Feed()) {
                feed.send("rapport.interaction.completed.v1", scenario.completed(UUID.randomUUID(), 2, "2026-09-08", 5));
                feed.awaitApplied();
            }
        }
    }
}
