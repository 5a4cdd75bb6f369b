package io.rapport.insight.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.privacy.ErasureSteps;
import io.rapport.platform.privacy.KolDataErasure;
import io.smallrye.mutiny.Uni;

/**
 * GDPR Art. 17 on {@code kol.erased}, in the consumer's transaction: afterwards no stored form here holds the
 * KOL's personal data. Insights lose the KOL reference and every free text (title, text, evidence, rejection
 * reason, action taken; the search vector follows the text), their audit entries lose the old and new values
 * and reasons of those fields; shares lose the KOL reference; stored Idempotency-Key replies naming the KOL or
 * its records are forgotten; the KOL's replica keeps only its id and status {@code ERASED} (so new records are
 * refused) and the replicated interactions and requests name the pseudonym. What the law requires
 * ({@link LegalBasis}: an adverse event, an answer to the KOL's own question) keeps its content with the
 * pseudonym instead of the KOL id. Then the erasure is confirmed on {@code rapport.insight.v1}, in the same
 * transaction. Idempotent.
 */
@ApplicationScoped
public class KolErasure implements KolDataErasure {

    public static final String SERVICE = "insight-service";
    public static final String TOPIC = "rapport.insight.v1";
    /** Whatever an audit entry of an erased (not held) insight says in words, or who it was about. */
    private static final Set<String> ERASED_FIELDS = Set.of("kolId", "evidence", AuditTrail.REASON);

    private final InsightRepository insights;
    private final ShareRepository shares;
    private final AuditTrail audit;
    private final ErasureSteps steps;
    private final KolPseudonyms pseudonyms;

    public KolErasure(InsightRepository insights, ShareRepository shares, AuditTrail audit, ErasureSteps steps,
            KolPseudonyms pseudonyms) {
        this.insights = insights;
        this.shares = shares;
        this.audit = audit;
        this.steps = steps;
        this.pseudonyms = pseudonyms;
    }

    @Override
    public Uni<Void> erase(UUID kolId) {
        UUID pseudonym = pseudonyms.of(kolId);
        ErasureSteps.Tally tally = steps.start(kolId);
        return insights.ofKol(pseudonyms.idsOf(kolId))
                .chain(list -> eraseInsights(list, pseudonym, tally))
                .chain(() -> shares.allOfKol(pseudonyms.idsOf(kolId)))
                .invoke(list -> list.forEach(share -> tally.record(share.id(), share.eraseKol(pseudonym))))
                .chain(() -> scrubReplicas(kolId, pseudonym))
                .chain(() -> steps.confirm(tally, SERVICE, TOPIC));
    }

    /**
     * Each insight loses the KOL (and, unless the law holds it, its free text), and so do its audit entries: a
     * held insight's entries lose only who it was about.
     */
    private Uni<Void> eraseInsights(List<Insight> list, UUID pseudonym, ErasureSteps.Tally tally) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Insight insight : list) {
            boolean held = insight.eraseKol(pseudonym);
            tally.record(insight.id(), held);
            Predicate<String> personal = held ? "kolId"::equals
                    : field -> Snapshot.FREE_TEXT.contains(field) || ERASED_FIELDS.contains(field);
            chain = chain.chain(() -> audit.scrub("insight", insight.id(), personal));
        }
        return chain;
    }

    /**
     * The KOL's replica keeps its id and status only (country, areas, interests, consents and assignments are
     * personal data); replicated interactions and requests of the KOL name the pseudonym, so an answer to the
     * KOL's own question can still be linked to it.
     */
    private Uni<Void> scrubReplicas(UUID kolId, UUID pseudonym) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE replica SET data = "
                + "jsonb_strip_nulls(jsonb_build_object('kolId', CAST(:kol AS text), 'status', 'ERASED', "
                + "'aggregateVersion', data -> 'aggregateVersion', 'erasedAt', data -> 'erasedAt')), "
                + "updated_at = now() WHERE kind = 'kol' AND id = CAST(:kol AS text)")
                .setParameter("kol", kolId.toString()).executeUpdate()
                .chain(() -> session.createNativeQuery("UPDATE replica SET data = jsonb_set(data, '{kolId}', "
                        + "to_jsonb(CAST(:pseudonym AS text))), updated_at = now() WHERE kind IN ('"
                        + Replicated.INTERACTION + "', '" + Replicated.REQUEST + "') "
                        + "AND data ->> 'kolId' = CAST(:kol AS text)")
                        .setParameter("pseudonym", pseudonym.toString()).setParameter("kol", kolId.toString())
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
