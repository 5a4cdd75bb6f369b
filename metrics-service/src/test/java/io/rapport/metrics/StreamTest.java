package io.rapport.metrics;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.SseClient;
import io.rapport.testing.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream: a message when the numbers a subscriber watches change, coalesced, with heartbeats and
 * Last-Event-ID; notifications committed by another instance reach this one's subscribers too.
 */
@QuarkusTest
class StreamTest {

    @TestHTTPResource("/api/v1/metrics/stream")
    URL stream;

    @Test
    void shouldTellASubscriberWhenTheNumbersItWatchesChange() throws Exception {
        Scenario watched = Scenario.fresh();
        Scenario elsewhere = Scenario.fresh();
        try (SseClient client = new SseClient(uri("?team=" + watched.team), reporting(), null); Feed feed = new Feed()) {
            SseClient.Message ready = client.await("ready");
            assertThat(client.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("text/event-stream"));
            assertThat(client.headers().firstValue("x-accel-buffering")).hasValue("no");
            assertThat(client.headers().firstValue("cache-control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-cache"));

            feed.send("rapport.interaction.completed.v1", elsewhere.completed(UUID.randomUUID(), 2, "2026-07-01", 4));
            feed.awaitApplied();
            feed.send("rapport.interaction.completed.v1", watched.completed(UUID.randomUUID(), 2, "2026-07-01", 4));
            SseClient.Message changed = client.await("metrics-changed");
            assertThat(Long.parseLong(changed.id())).isGreaterThan(Long.parseLong(ready.id()));
            assertThat(changed.data()).contains("teams:" + watched.team);
            assertThat(client.all()).filteredOn(m -> m.name().equals("metrics-changed")).hasSize(1);
        }
    }

    @Test
    void shouldCoalesceABurstOfChangesCommittedByAnotherInstance() throws Exception {
        Scenario watched = Scenario.fresh();
        try (SseClient client = new SseClient(uri("?team=" + watched.team), reporting(), null)) {
            client.await("ready");
            // Fifty projection transactions committed by another instance, within a few milliseconds.
            DevstackResource.sql("SELECT count(pg_notify('rapport_metrics', json_build_object('seq', "
                    + "nextval('metrics_change_seq'), 'teams', json_build_array('" + watched.team + "'))::text)) "
                    + "FROM generate_series(1, 50)");
            String last = DevstackResource.sql("SELECT last_value FROM metrics_change_seq");
            client.await(m -> m.name().equals("metrics-changed") && last.equals(m.id()), Duration.ofSeconds(10));
            assertThat(client.all()).filteredOn(m -> m.name().equals("metrics-changed")).hasSizeBetween(1, 3);
        }
    }

    @Test
    void shouldTellAReconnectingSubscriberAtOnceWhatItMissed() throws Exception {
        Scenario watched = Scenario.fresh();
        String lastSeen;
        try (SseClient client = new SseClient(uri("?team=" + watched.team), reporting(), null)) {
            lastSeen = client.await("ready").id();
        }
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", watched.completed(UUID.randomUUID(), 2, "2026-07-02", 4));
            feed.awaitApplied();
        }
        try (SseClient again = new SseClient(uri("?team=" + watched.team), reporting(), lastSeen)) {
            again.await("ready");
            SseClient.Message missed = again.await(m -> m.name().equals("metrics-changed"), Duration.ofSeconds(2));
            assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastSeen));
            // Up to date: nothing but the heartbeat (every second in tests).
            String upToDate = missed.id();
            try (SseClient current = new SseClient(uri("?team=" + watched.team), reporting(), upToDate)) {
                current.await("ready");
                current.await("comment");
                assertThat(current.all()).extracting(SseClient.Message::name).doesNotContain("metrics-changed");
            }
        }
    }

    @Test
    void shouldRefuseAStreamWithoutTokenOrBeyondTheCallersScope() throws Exception {
        Scenario watched = Scenario.fresh();
        try (SseClient anonymous = new SseClient(uri(""), null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        try (SseClient msl = new SseClient(uri("?team=" + watched.team), Tokens.msl("msl-stranger"), null)) {
            assertThat(msl.status()).isEqualTo(403);
        }
    }

    /** A reporting user of their own per stream: a closed client's connection may linger (per-user cap). */
    private static String reporting() {
        return Tokens.bearer("report-" + UUID.randomUUID(), "reporting");
    }

    private URI uri(String query) throws Exception {
        return URI.create(stream.toString() + query);
    }
}
