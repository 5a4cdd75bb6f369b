package io.rapport.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rapport.platform.config.PlatformConfig;
import io.rapport.platform.persistence.PgNotifications;
import io.rapport.platform.persistence.PlatformMigrations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka after their transaction committed.
 *
 * <p>
 * Every instance listens on {@code rapport_outbox} (the insert trigger notifies at commit) and also sweeps
 * on a timer, so events leave within milliseconds and a row whose notification was missed still goes. Each
 * batch is one transaction that first takes {@code pg_try_advisory_xact_lock} for this service: only one
 * instance publishes at a time, rows go out {@code ORDER BY id} through an idempotent producer, so the order
 * per key holds with any number of instances. Rows are marked published once Kafka acknowledged them; a
 * crash in between re-sends them, and consumers drop the duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Starts after the platform migrations created the outbox. */
    public static final int PRIORITY = PlatformMigrations.PRIORITY + 10;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "rapport_outbox";

    private final Pool pool;
    private final Vertx vertx;
    private final KafkaPublisher publisher;
    private final PlatformConfig config;
    private final String service;
    private final PgNotifications notifications;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile String lastFailure;
    private volatile Instant lastPublishedAt;
    private volatile boolean stopped = true;
    private final List<Long> timers = new ArrayList<>();
    private PgSubscriber subscriber;
    private Counter published;
    private Counter failures;

    public OutboxRelay(Pool pool, Vertx vertx, KafkaPublisher publisher, PlatformConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service, PgNotifications notifications,
            MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.publisher = publisher;
        this.config = config;
        this.service = service;
        this.notifications = notifications;
        Gauge.builder("rapport.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("rapport.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row").register(registry);
        published = Counter.builder("rapport.outbox.published").description("Events published").register(registry);
        failures = Counter.builder("rapport.outbox.failures").description("Relay batches that failed").register(registry);
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent start) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /** Starts listening and sweeping (tests use it to restart a stopped relay). */
    public synchronized void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        subscriber = notifications.subscriber();
        subscriber.channel(CHANNEL).handler(payload -> wake());
        subscriber.connect().subscribe().with(ok -> wake(),
                e -> LOG.warnf("Outbox relay cannot LISTEN yet (%s); the sweep timer publishes meanwhile", e.getMessage()));
        timers.add(vertx.setPeriodic(config.outbox().sweepInterval().toMillis(), id -> sweep()));
        timers.add(vertx.setPeriodic(config.outbox().cleanupInterval().toMillis(), id -> cleanUp()));
        LOG.infof("Outbox relay of %s started", service);
    }

    /** Stops publishing; rows keep accumulating in the outbox until {@link #start()}. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        if (subscriber != null) {
            subscriber.close().subscribe().with(ok -> {
            }, e -> {
            });
        }
    }

    /** Runs a batch now, or right after the one in progress. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        pool.withTransaction(this::publishBatch).subscribe().with(this::batchDone, this::batchFailed);
    }

    public long backlog() {
        return backlog.get();
    }

    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    public Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_try_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of("rapport-outbox:" + service))
                .chain(lock -> lock.iterator().next().getBoolean(0) ? publishRows(connection) : Uni.createFrom().item(0));
    }

    private Uni<Integer> publishRows(SqlConnection connection) {
        return connection.preparedQuery("SELECT id, event_id, topic, aggregate_id, type, occurred_at, payload::text, "
                + "traceparent, tracestate FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1")
                .execute(Tuple.of(config.outbox().batchSize()))
                .map(rows -> {
                    List<OutboxRow> batch = new ArrayList<>();
                    for (Row row : rows) {
                        TraceContext trace = row.getString(7) == null ? TraceContext.NONE
                                : new TraceContext(row.getString(7), row.getString(8));
                        batch.add(new OutboxRow(row.getLong(0), row.getUUID(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getOffsetDateTime(5), row.getString(6), trace));
                    }
                    return batch;
                })
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                        : publisher.publish(batch).chain(acked -> markPublished(connection, batch, acked)));
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<OutboxRow> batch, List<Long> acked) {
        Uni<Integer> marked = acked.isEmpty() ? Uni.createFrom().item(0)
                : connection.preparedQuery("UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                        .execute(Tuple.of(acked.toArray(Long[]::new))).map(r -> acked.size());
        return marked.invoke(count -> {
            published.increment(count);
            if (count > 0) {
                lastPublishedAt = Instant.now();
            }
            if (count < batch.size()) {
                throw new IllegalStateException((batch.size() - count) + " of " + batch.size()
                        + " events were not acknowledged by Kafka");
            }
        }).onFailure(IllegalStateException.class).recoverWithUni(e -> {
            // keep what was acknowledged (commit), report the rest: they stay unpublished and are retried
            lastFailure = e.getMessage();
            failures.increment();
            return Uni.createFrom().item(-1);
        });
    }

    private void batchDone(int count) {
        running.set(false);
        if (count >= 0) {
            lastFailure = null;
        } else {
            LOG.warnf("Outbox relay: %s; retrying on the next sweep", lastFailure);
            return;
        }
        if (count == config.outbox().batchSize() || again.get()) {
            wake();
        }
    }

    private void batchFailed(Throwable failure) {
        running.set(false);
        failures.increment();
        lastFailure = failure.toString();
        LOG.warnf("Outbox relay batch failed (%s); retrying on the next sweep", failure.toString());
    }

    private void sweep() {
        wake();
        // through withConnection: Pool.query() leaks its acquire timer when the database is down (Vert.x 4.5)
        pool.withConnection(connection -> connection.query("SELECT count(*), "
                + "COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::bigint "
                + "FROM outbox WHERE published_at IS NULL").execute())
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    oldestAgeSeconds.set(row.getLong(1));
                }, e -> LOG.debugf("Outbox backlog unknown: %s", e.getMessage()));
    }

    private void cleanUp() {
        pool.withConnection(connection -> connection
                .preparedQuery("DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.outbox().retention().toSeconds())))
                .subscribe().with(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("Deleted %d published outbox rows past their retention", rows.rowCount());
                    }
                }, e -> LOG.debugf("Outbox clean-up skipped: %s", e.getMessage()));
    }
}
