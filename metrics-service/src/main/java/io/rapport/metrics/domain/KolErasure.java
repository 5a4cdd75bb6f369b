package io.rapport.metrics.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.persistence.KolStore;
import io.rapport.platform.privacy.ErasureSteps;
import io.smallrye.mutiny.Uni;

/**
 * GDPR Art. 17 in metrics-service: on {@code rapport.kol.erased.v1} the KOL's profile and health go and what they
 * contributed moves to a keyed pseudonym (counts stay); stored Idempotency-Key replies naming the KOL or its
 * counted records are forgotten; and, in the same transaction, a {@code rapport.erasure.confirmed.v1} goes into
 * the outbox for kol-service, so a data-protection officer can see that metrics-service confirmed and when.
 *
 * <p>
 * Only live consumption confirms. A rebuild replays every {@code kol.erased} of the topics' history into
 * fresh tables: each was confirmed when it was first applied, and confirming again on every rebuild would send
 * a confirmation per erasure ever made, each time. An erasure kol-service re-sends (a new event) is applied
 * live again and confirmed again; kol-service keeps one confirmation per service anyway.
 */
@ApplicationScoped
public class KolErasure {

    public static final String SERVICE = "metrics-service";
    public static final String TOPIC = "rapport.metrics.v1";

    private final KolStore kols;
    private final ErasureSteps steps;

    public KolErasure(KolStore kols, ErasureSteps steps) {
        this.kols = kols;
        this.steps = steps;
    }

    public Uni<Void> apply(Facts.KolErased erased, ProjectionBatch batch) {
        batch.delta().touchEverything();
        Uni<KolStore.Erased> applied = kols.erase(erased.kolId(), erased.aggregateVersion());
        if (!batch.live()) {
            return applied.replaceWithVoid();
        }
        return applied.chain(done -> steps.confirm(tally(erased.kolId(), done), SERVICE, TOPIC));
    }

    /**
     * What the confirmation counts and the forgotten replies may name: the KOL's profile and health (each kept
     * under the KOL's id) and every counted record re-keyed. Nothing is held: counts stay, under a pseudonym.
     */
    private ErasureSteps.Tally tally(UUID kolId, KolStore.Erased done) {
        return steps.start(kolId)
                .kolRecords(done.kolRecords())
                .records(done.aggregates());
    }
}
