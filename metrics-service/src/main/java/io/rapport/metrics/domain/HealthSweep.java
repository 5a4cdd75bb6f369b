package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.rapport.metrics.config.MetricsConfig;
import io.rapport.metrics.persistence.KolStore;
import io.rapport.metrics.persistence.ProjectionStore;
import io.rapport.metrics.persistence.Schemas;
import io.smallrye.mutiny.Uni;

/**
 * Recency decays without any event: every hour, the health of the KOLs last computed before today is
 * recomputed, a batch per transaction (any instance may do it; the result is the same).
 */
@ApplicationScoped
public class HealthSweep {

    private final KolStore kols;
    private final ProjectionStore store;
    private final Projector projector;
    private final MetricsConfig config;

    public HealthSweep(KolStore kols, ProjectionStore store, Projector projector, MetricsConfig config) {
        this.kols = kols;
        this.store = store;
        this.projector = projector;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sweep() {
        return refreshStale(LocalDate.now(ZoneOffset.UTC));
    }

    /** Recomputes every KOL whose health is older than {@code today}; the number recomputed. */
    public Uni<Void> refreshStale(LocalDate today) {
        return Panache.withTransaction(() -> store.useSchema(Schemas.LIVE)
                .chain(() -> kols.staleHealth(today, config.healthSweepBatch()))
                .call(stale -> kols.refreshHealth(stale, today, projector.tierTarget())))
                .chain((List<UUID> done) -> done.size() < config.healthSweepBatch() ? Uni.createFrom().voidItem()
                        : refreshStale(today));
    }
}
