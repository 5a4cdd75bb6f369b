package io.rapport.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.KolServiceEvents;
import io.restassured.response.Response;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A rebuild from the topics gives exactly the live numbers (history with amendments, redeliveries, stale
 * events and an erasure), and loses nothing published while it runs.
 */
@QuarkusTest
class RebuildTest {

    static final String RUNNING = "https://rapport.dev/problems/rebuild-running";
    static final String[] TABLES = { "rollup_msl", "rollup_team", "rollup_kol", "rollup_area", "contact", "kol",
            "kol_health" };

    @Test
    void shouldRebuildExactlyTheLiveNumbersAndLoseNothingPublishedMeanwhile() {
        history();
        Map<String, String> live = snapshot();

        given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING"));
        given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild").then().statusCode(409)
                .body("type", equalTo(RUNNING));
        awaitDone();
        assertThat(snapshot()).isEqualTo(live);
        assertThat(DevstackResource.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name "
                + "IN ('metrics_rebuild', 'metrics_retired')")).isEqualTo("0");

        // Published while a second rebuild runs: counted once, live, whatever the moment of the swap.
        Scenario during = Scenario.fresh();
        given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild").then().statusCode(202);
        try (Feed feed = new Feed()) {
            for (int i = 0; i < 20; i++) {
                feed.send("rapport.interaction.completed.v1", during.completed(UUID.randomUUID(), 2, "2026-06-10", 4));
            }
            awaitDone();
            feed.awaitApplied();
        }
        assertThat(during.summary("2026-06-01", "2026-06-30").getInt("interactions.completed")).isEqualTo(20);
        given().header("Authorization", ADMIN).get("/api/v1/metrics/admin/rebuild").then().statusCode(200)
                .body("state", equalTo("DONE")).body("requestedBy", equalTo("admin-1"));
    }

    @Test
    void shouldRunOneRebuildAtATimeWhenTwoAreAskedForAtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> asked = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                asked.add(callers.submit(() -> {
                    go.await();
                    return given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild");
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : asked) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
            Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).isEqualTo(RUNNING);
        } finally {
            callers.shutdownNow();
            awaitDone();
        }
    }

    @Test
    void shouldRefuseARebuildWhileAnotherInstanceRunsOneAndTakeOverWhenThatOneDied() {
        awaitDone();
        // The state is one row every instance shares: another instance's rebuild, alive (news a moment ago)...
        DevstackResource.sql("INSERT INTO rebuild (id, state, requested_by, started_at, updated_at, applied) VALUES "
                + "(1, 'RUNNING', 'admin-elsewhere', now(), now(), 0) ON CONFLICT (id) DO UPDATE SET state = 'RUNNING', "
                + "requested_by = 'admin-elsewhere', updated_at = now(), finished_at = NULL");
        try {
            given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild").then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo(RUNNING));
            // ...then silent for three minutes: its instance died, and this one may start.
            DevstackResource.sql("UPDATE rebuild SET updated_at = now() - interval '3 minutes' WHERE id = 1");
            given().header("Authorization", ADMIN).post("/api/v1/metrics/admin/rebuild").then().statusCode(202)
                    .body("requestedBy", equalTo("admin-1"));
        } finally {
            awaitDone();
        }
    }

    /** Two MSLs' month: plans that completed, an amendment, a redelivery, a stale event, a share, an erasure. */
    private static void history() {
        Scenario a = Scenario.fresh();
        Scenario b = Scenario.fresh();
        try (Feed feed = new Feed()) {
            for (Scenario s : new Scenario[] { a, b }) {
                UUID planned = UUID.randomUUID();
                feed.send("rapport.interaction.planned.v1", s.interaction(planned, 1, "PLANNED", "2026-06-02", "VIDEO"));
                UUID completed = feed.send("rapport.interaction.completed.v1", s.completed(planned, 2, "2026-06-02", 3));
                feed.send("rapport.interaction.amended.v1", s.completed(planned, 3, "2026-06-03", 5));
                feed.send(completed, "rapport.interaction.completed.v1", s.completed(planned, 2, "2026-06-02", 3));
                feed.send("rapport.interaction.planned.v1", s.interaction(planned, 1, "PLANNED", "2026-06-02", "VIDEO"));
                feed.send("rapport.resource.shared.v1", s.share(UUID.randomUUID(), "2026-06-04"));
                UUID request = UUID.randomUUID();
                feed.send("rapport.medical-request.answered.v1", s.request(request, 2, "ANSWERED")
                        .put("receivedAt", "2026-06-02T08:00:00Z").put("localDate", "2026-06-02")
                        .put("closedAt", "2026-06-03T08:00:00Z").put("onTime", true));
            }
            feed.awaitApplied();
            KolServiceEvents.eraseKol(b.kol, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ERASED".equals(DevstackResource.sql(
                    "SELECT status FROM metrics.kol WHERE kol_id = '" + b.kol + "'")));
        }
    }

    static void awaitDone() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String state = given().header("Authorization", ADMIN).get("/api/v1/metrics/admin/rebuild").then()
                    .statusCode(200).extract().path("state");
            assertThat(state).isNotEqualTo("FAILED");
            return "DONE".equals(state) || "NEVER".equals(state);
        });
    }

    /**
     * Every row of every projection table, in a stable order. A roll-up row whose counter went back to zero
     * (planned, then completed) stays live but is never written by a rebuild that sees both events in one
     * transaction: zero rows are the same numbers, so they are left out.
     */
    private static Map<String, String> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            String nonZero = table.startsWith("rollup_") ? " WHERE t.value <> 0" : "";
            tables.put(table, DevstackResource.sql("SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') "
                    + "FROM metrics." + table + " t" + nonZero));
        }
        return tables;
    }
}
