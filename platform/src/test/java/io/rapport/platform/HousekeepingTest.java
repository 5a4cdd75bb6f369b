package io.rapport.platform;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.persistence.Housekeeping;
import io.rapport.testing.DevstackResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code processed_event} grows with every event a service consumes: ids applied longer ago than the retention
 * (30 days by default, far past any Kafka redelivery) are pruned, in every schema that has the table, and the
 * ids a redelivery may still meet are kept.
 */
@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Test
    void shouldPruneAppliedEventIdsOlderThanTheRetentionInEverySchemaAndKeepTheRecentOnes() {
        DevstackResource.sql("CREATE SCHEMA IF NOT EXISTS projection_test; CREATE TABLE IF NOT EXISTS "
                + "projection_test.processed_event (event_id uuid PRIMARY KEY, type text NOT NULL, "
                + "processed_at timestamptz NOT NULL DEFAULT now())");
        UUID old = UUID.randomUUID();
        UUID justInside = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID oldInSchema = UUID.randomUUID();
        UUID recentInSchema = UUID.randomUUID();
        insert("processed_event", old, "31 days");
        insert("processed_event", justInside, "29 days");
        insert("processed_event", recent, "0 days");
        insert("projection_test.processed_event", oldInSchema, "400 days");
        insert("projection_test.processed_event", recentInSchema, "1 day");

        int pruned = housekeeping.pruneProcessedEvents().await().atMost(Duration.ofSeconds(30));

        assertThat(pruned).isGreaterThanOrEqualTo(2);
        assertThat(ids("processed_event", old, justInside, recent)).isEqualTo("2");
        assertThat(ids("processed_event", old)).as("past the retention").isEqualTo("0");
        assertThat(ids("projection_test.processed_event", oldInSchema, recentInSchema)).isEqualTo("1");
        assertThat(ids("projection_test.processed_event", recentInSchema)).isEqualTo("1");
        housekeeping.pruneProcessedEvents().await().atMost(Duration.ofSeconds(30));
        assertThat(ids("processed_event", justInside, recent)).as("a second run keeps what is within").isEqualTo("2");
    }

    private static void insert(String table, UUID id, String age) {
        DevstackResource.sql("INSERT INTO " + table + " (event_id, type, processed_at) VALUES ('" + id
                + "', 'rapport.test.v1', now() - interval '" + age + "')");
    }

    private static String ids(String table, UUID... ids) {
        StringBuilder in = new StringBuilder();
        for (UUID id : ids) {
            in.append(in.isEmpty() ? "" : ",").append('\'').append(id).append('\'');
        }
        return DevstackResource.sql("SELECT count(*) FROM " + table + " WHERE event_id IN (" + in + ")");
    }
}
