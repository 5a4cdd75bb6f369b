package io.rapport.metrics.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.rapport.metrics.persistence.KolStore;
import io.rapport.metrics.persistence.ProjectionStore;
import io.rapport.metrics.persistence.RebuildStore;
import io.rapport.metrics.persistence.Schemas;
import io.rapport.platform.domain.DomainException;
import io.smallrye.mutiny.Uni;

/**
 * Rebuilds every projection from the topics: reads them from the beginning, without a consumer group, into
 * a shadow schema with its own processed events and per-aggregate state; once caught up, takes the lock live
 * transactions share (live consumption on every instance pauses), reads on until it has what the live tables
 * have, swaps the schemas in that transaction and lets live consumption resume on the rebuilt tables.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    /** Without a new record for this long while behind its target, the rebuild gives up (the log is gone?). */
    private static final Duration STALLED = Duration.ofMinutes(2);
    /**
     * The claim's heartbeat: another instance takes a RUNNING rebuild without news for two minutes as dead
     * (RebuildStore), so a live one reports at least this often, however slowly its batches go.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** Events applied between two progress reports when the batches come quickly. */
    private static final long REPORT_EVERY = 5000;
    private static final int HEALTH_BATCH = 500;

    private final RebuildStore store;
    private final Projector projector;
    private final RebuildSource source;
    private final ProjectionStore projections;
    private final KolStore kols;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "metrics-rebuild"));

    public ProjectionRebuild(RebuildStore store, Projector projector, RebuildSource source,
            ProjectionStore projections, KolStore kols) {
        this.store = store;
        this.projector = projector;
        this.source = source;
        this.projections = projections;
        this.kols = kols;
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    /** Starts a rebuild in the background; a conflict ({@code rebuild-running}) while one runs. */
    public Uni<RebuildState> start(String requestedBy) {
        return store.claim(requestedBy)
                .invoke(ProjectionRebuild::requireClaimed)
                .invoke(() -> worker.submit(this::run))
                .chain(store::state);
    }

    public Uni<RebuildState> state() {
        return store.state();
    }

    /** One rebuild at a time, across instances: the claim is the shared state row. */
    private static void requireClaimed(boolean claimed) {
        if (!claimed) {
            throw DomainException.conflict("rebuild-running", "A rebuild is already running");
        }
    }

    private void run() {
        ProjectionBatch batch = projector.rebuildBatch();
        try {
            await(store::createShadow);
            try (RebuildSource.Reading reading = source.open(batch)) {
                readUntil(reading, batch, reading.ends());
                refreshAllHealth(batch.applied());
                swap(reading, batch);
            }
            await(() -> store.finish("DONE", batch.applied(), null));
            LOG.infof("Rebuild done: %d events applied, tables swapped", batch.applied());
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild failed after %d events", batch.applied());
            await(() -> store.dropShadow()
                    .onFailure().recoverWithNull()
                    .replaceWithVoid()
                    .chain(() -> store.finish("FAILED", batch.applied(), e.toString())));
        }
    }

    /** Live consumption waits on the lock while the rebuild reads what the live tables have, then the swap. */
    private void swap(RebuildSource.Reading reading, ProjectionBatch batch) {
        await(() -> store.progress("SWAPPING", batch.applied(), "waiting for live transactions"));
        RebuildStore.LiveLock lock = await(store::lockLive);
        try {
            readUntil(reading, batch, await(() -> store.livePositions(lock)));
            await(() -> store.swap(lock));
        } finally {
            await(() -> store.release(lock));
        }
    }

    /** Reads on until every partition reached its target, reporting progress as it goes. */
    private void readUntil(RebuildSource.Reading reading, ProjectionBatch batch,
            Map<String, Map<Integer, Long>> targets) {
        long lastProgress = System.nanoTime();
        long lastReport = System.nanoTime();
        long reported = 0;
        while (!reading.reached(targets)) {
            if (!reading.readNext()) {
                if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALLED) > 0) {
                    throw new IllegalStateException("No records for " + STALLED + " while behind " + targets);
                }
                continue;
            }
            lastProgress = System.nanoTime();
            if (batch.applied() - reported >= REPORT_EVERY || System.nanoTime() - lastReport > HEARTBEAT.toNanos()) {
                reported = batch.applied();
                lastReport = System.nanoTime();
                LOG.infof("Rebuild: %d events applied", reported);
                await(() -> store.progress("RUNNING", batch.applied(), null));
            }
        }
    }

    /** Every active KOL's health in the shadow tables, as of today. */
    private void refreshAllHealth(long applied) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        while (true) {
            List<UUID> stale = await(() -> Panache.withTransaction(() -> projections.useSchema(Schemas.REBUILD)
                    .chain(() -> kols.staleHealth(today, HEALTH_BATCH))));
            if (stale.isEmpty()) {
                return;
            }
            await(() -> store.progress("RUNNING", applied, "computing relationship health"));
            await(() -> Panache.withTransaction(() -> projections.useSchema(Schemas.REBUILD)
                    .chain(() -> kols.refreshHealth(stale, today, projector.tierTarget()))));
        }
    }

    private static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
