package io.rapport.platform.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.rapport.platform.config.PlatformConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Prunes, hourly, the stores that grow with every request or event: idempotency keys past their retention
 * ({@code rapport.platform.idempotency-key-retention}, 24 h) and the ids of applied events in
 * {@code processed_event} past theirs ({@code rapport.platform.processed-event-retention}, 30 days).
 *
 * <p>
 * Why forgetting an applied event id is safe: the id exists so that a redelivered event changes nothing.
 * Kafka redelivers only records after a consumer group's last committed offset (after a crash, a rebalance, or
 * while a database outage holds a partition), and the platform consumer commits as it applies batches, so what
 * comes back was applied minutes, at worst hours, before: its id is still here, 30 days being a wide margin
 * over any such window. Only a group whose committed offsets Kafka itself expired (the group was gone longer
 * than the broker's {@code offsets.retention.minutes}, 7 days by default) starts again from the earliest
 * record and so meets events whose ids were pruned; consumers therefore also drop an event whose
 * {@code aggregateVersion} is not newer than the one they applied (docs/architecture.md), and a consumer whose
 * effect is not idempotent by itself must not rely on this table beyond the retention. Retention is by
 * {@code processed_at}, when the event was applied, not when it occurred, so the ids of a rebuild that replays
 * years of events are kept for the full retention too.
 *
 * <p>
 * Every {@code processed_event} table of the database is pruned: the platform's own and those a service
 * keeps in a schema of its own (metrics-service's live and rebuild projections).
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final String PROCESSED_EVENT_TABLES = "SELECT table_schema FROM information_schema.tables "
            + "WHERE table_name = 'processed_event' AND table_type = 'BASE TABLE' ORDER BY table_schema";

    private final Pool pool;
    private final Vertx vertx;
    private final PlatformConfig config;

    public Housekeeping(Pool pool, Vertx vertx, PlatformConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> {
            forgetExpiredKeys();
            pruneProcessedEvents().subscribe().with(rows -> LOG.debugf("Pruned %d processed event ids", rows),
                    e -> LOG.debugf("Processed event pruning skipped: %s", e.getMessage()));
        });
    }

    void forgetExpiredKeys() {
        pool.withConnection(connection -> connection
                .preparedQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.idempotencyKeyRetention().toSeconds())))
                .subscribe().with(rows -> LOG.debugf("Forgot %d idempotency keys", rows.rowCount()),
                        e -> LOG.debugf("Idempotency key clean-up skipped: %s", e.getMessage()));
    }

    /**
     * Deletes the ids of events applied longer ago than the retention, in every {@code processed_event} table.
     *
     * @return how many ids were deleted
     */
    public Uni<Integer> pruneProcessedEvents() {
        double retention = config.processedEventRetention().toSeconds();
        return pool.withConnection(connection -> connection.query(PROCESSED_EVENT_TABLES).execute()
                .map(rows -> {
                    List<String> schemas = new ArrayList<>();
                    for (Row row : rows) {
                        schemas.add(row.getString(0));
                    }
                    return schemas;
                })
                .onItem().transformToMulti(schemas -> Multi.createFrom().iterable(schemas))
                .onItem().transformToUniAndConcatenate(schema -> connection
                        .preparedQuery("DELETE FROM " + quoted(schema) + ".processed_event "
                                + "WHERE processed_at < now() - make_interval(secs => $1)")
                        .execute(Tuple.of(retention)).map(deleted -> deleted.rowCount()))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
