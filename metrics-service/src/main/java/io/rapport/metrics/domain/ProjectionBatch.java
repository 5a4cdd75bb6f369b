package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.rapport.metrics.persistence.KolStore;
import io.rapport.metrics.persistence.ProjectionStore;
import io.rapport.metrics.persistence.Schemas;
import io.rapport.platform.events.TransactionHooks;
import io.smallrye.mutiny.Uni;

/**
 * One projection transaction: where it writes (the live schema or a rebuild's shadow), what its events
 * changed, and the statements that close it (the summed roll-up changes, the read positions, the health of
 * the KOLs concerned and, live, the notification the stream listens to).
 */
public class ProjectionBatch implements TransactionHooks {

    private final String schema;
    private final ProjectionStore store;
    private final KolStore kols;
    private final ChangeNotifier notifier;
    private final Function<Integer, Integer> tierTarget;
    private Delta delta = new Delta();
    private Map<String, Map<Integer, Long>> positions = new HashMap<>();
    private long applied;

    ProjectionBatch(String schema, ProjectionStore store, KolStore kols, ChangeNotifier notifier,
            Function<Integer, Integer> tierTarget) {
        this.schema = schema;
        this.store = store;
        this.kols = kols;
        this.notifier = notifier;
        this.tierTarget = tierTarget;
    }

    public boolean live() {
        return Schemas.LIVE.equals(schema);
    }

    public Delta delta() {
        return delta;
    }

    /** Records that the event at this offset was read (applied, ignored as stale, or not counted at all). */
    void read(String topic, int partition, long offset) {
        positions.computeIfAbsent(topic, t -> new HashMap<>()).merge(partition, offset + 1, Math::max);
        applied++;
    }

    /** Events this batch object has read, over all its transactions (a rebuild's progress). */
    public long applied() {
        return applied;
    }

    @Override
    public Uni<Void> begin() {
        delta = new Delta();
        positions = new HashMap<>();
        Uni<Void> schemaChosen = store.useSchema(schema);
        // Live transactions hold the shared lock a rebuild's swap takes exclusively: the swap waits for them.
        return live() ? schemaChosen.chain(notifier::holdSwap) : schemaChosen;
    }

    @Override
    public Uni<Void> beforeCommit() {
        Uni<Void> written = store.flush(delta).chain(() -> store.positions(positions))
                .chain(() -> kols.eraseLateArrivals(delta.changed().kols))
                .chain(() -> kols.refreshHealth(delta.changed().kols, LocalDate.now(ZoneOffset.UTC), tierTarget));
        return live() && !delta.changed().isEmpty() ? written.chain(() -> notifier.notify(delta.changed())) : written;
    }

    @Override
    public boolean deadLetters() {
        return live();
    }
}
