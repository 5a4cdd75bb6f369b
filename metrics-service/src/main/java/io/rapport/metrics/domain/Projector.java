package io.rapport.metrics.domain;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.config.MetricsConfig;
import io.rapport.metrics.persistence.KolStore;
import io.rapport.metrics.persistence.ProjectionStore;
import io.rapport.metrics.persistence.Schemas;
import io.rapport.platform.events.IncomingEvent;
import io.rapport.platform.replica.DirectoryReplication;
import io.smallrye.mutiny.Uni;

/**
 * Projects one event into the batch's schema: the aggregate's new contribution replaces the one applied
 * before (new minus old), unless the event is not newer than what was applied. KOL profiles, erasures and the
 * MSL directory are kept alongside.
 */
@ApplicationScoped
public class Projector {

    private final ProjectionStore store;
    private final KolStore kols;
    private final DirectoryReplication directory;
    private final ChangeNotifier notifier;
    private final KolErasure erasure;
    private final MetricsConfig config;

    public Projector(ProjectionStore store, KolStore kols, DirectoryReplication directory, ChangeNotifier notifier,
            KolErasure erasure, MetricsConfig config) {
        this.store = store;
        this.kols = kols;
        this.erasure = erasure;
        this.directory = directory;
        this.notifier = notifier;
        this.config = config;
    }

    public ProjectionBatch liveBatch() {
        return new ProjectionBatch(Schemas.LIVE, store, kols, notifier, tierTarget());
    }

    public ProjectionBatch rebuildBatch() {
        return new ProjectionBatch(Schemas.REBUILD, store, kols, notifier, tierTarget());
    }

    public Function<Integer, Integer> tierTarget() {
        return tier -> config.tierTargets().getOrDefault(tier == null ? 4 : tier, config.tierTargets().getOrDefault(4, 1));
    }

    public Uni<Void> apply(IncomingEvent event, ProjectionBatch batch) {
        batch.read(event.topic(), event.partition(), event.offset());
        String type = event.type();
        if (type.startsWith("rapport.interaction.")) {
            Facts.Interaction i = event.dataAs(Facts.Interaction.class);
            return contribute("interaction", i.interactionId().toString(), i.aggregateVersion(), Contributions.of(i), batch);
        }
        if (type.startsWith("rapport.followup.")) {
            Facts.FollowUp f = event.dataAs(Facts.FollowUp.class);
            return contribute("follow-up", f.followUpId().toString(), f.aggregateVersion(), Contributions.of(f), batch);
        }
        if (type.equals("rapport.safety.report-due.v1")) {
            Facts.SafetyReportDue s = event.dataAs(Facts.SafetyReportDue.class);
            return contribute("safety-due", s.followUpId().toString(), s.aggregateVersion(), Contributions.of(s), batch);
        }
        if (type.startsWith("rapport.medical-request.")) {
            Facts.MedicalRequest r = event.dataAs(Facts.MedicalRequest.class);
            return contribute("medical-request", r.requestId().toString(), r.aggregateVersion(), Contributions.of(r), batch);
        }
        if (type.startsWith("rapport.insight.safety-")) {
            Facts.InsightSafety s = event.dataAs(Facts.InsightSafety.class);
            return contribute("insight-safety", s.insightId().toString(), s.aggregateVersion(), Contributions.of(s), batch);
        }
        if (type.startsWith("rapport.insight.")) {
            Facts.Insight i = event.dataAs(Facts.Insight.class);
            return contribute("insight", i.insightId().toString(), i.aggregateVersion(), Contributions.of(i), batch);
        }
        if (type.equals("rapport.resource.shared.v1")) {
            Facts.Share s = event.dataAs(Facts.Share.class);
            return contribute("share", s.shareId().toString(), s.aggregateVersion(), Contributions.of(s), batch);
        }
        return profiles(event, batch);
    }

    /** KOL profiles and erasure into the batch's schema; the MSL directory into the shared replicas. */
    private Uni<Void> profiles(IncomingEvent event, ProjectionBatch batch) {
        return switch (event.type()) {
            case "rapport.kol.created.v1", "rapport.kol.updated.v1" -> {
                Facts.Kol kol = event.dataAs(Facts.Kol.class);
                yield kols.apply(kol).invoke(applied -> {
                    if (applied) {
                        batch.delta().touchKol(kol.kolId());
                    }
                }).replaceWithVoid();
            }
            case "rapport.kol.erased.v1" -> {
                yield erasure.apply(event.dataAs(Facts.KolErased.class), batch);
            }
            default -> event.type().startsWith("rapport.reference.") ? directory.apply(event).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> contribute(String kind, String id, long version, Contribution now, ProjectionBatch batch) {
        return store.applied(kind, id).chain(applied -> {
            if (applied != null && applied.version() >= version) {
                return Uni.createFrom().voidItem();
            }
            batch.delta().replace(applied == null ? Contribution.NONE : applied.contribution(), now);
            return store.save(kind, id, version, now);
        });
    }
}
