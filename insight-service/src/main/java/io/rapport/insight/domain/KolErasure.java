package io.rapport.insight.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.privacy.ErasureConfirmation;
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
public class KolErasure {

    public static final String SERVICE = "insight-service";
    public static final String TOPIC = "rapport.insight.v1";
    /** Whatever an audit entry of an erased (not held) insight says in words, or who it was about. */
    private static final Set<String> ERASED_FIELDS = Set.of("kolId", "evidence", AuditTrail.REASON);

    private final InsightRepository insights;
    private final ShareRepository shares;
    private final AuditTrail audit;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final KolPseudonyms pseudonyms;

    public KolErasure(InsightRepository insights, ShareRepository shares, AuditTrail audit, IdempotencyKeys idempotency,
            Outbox outbox, KolPseudonyms pseudonyms) {
        this.insights = insights;
        this.shares = shares;
        this.audit = audit;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.pseudonyms = pseudonyms;
    }

    public Uni<Void> erase(UUID kolId) {
        UUID pseudonym = pseudonyms.of(kolId);
        List<Object> named = new ArrayList<>(List.of(kolId));
        int[] counts = new int[2];
        return insights.ofKol(pseudonyms.idsOf(kolId)).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Insight insight : list) {
                boolean held = insight.eraseKol(pseudonym);
                count(counts, held);
                named.add(insight.id());
                Predicate<String> personal = held ? "kolId"::equals
                        : field -> Snapshot.FREE_TEXT.contains(field) || ERASED_FIELDS.contains(field);
                chain = chain.chain(() -> audit.scrub("insight", insight.id(), personal));
            }
            return chain;
        }).chain(() -> shares.allOfKol(pseudonyms.idsOf(kolId))).invoke(list -> list.forEach(share -> {
            count(counts, share.eraseKol(pseudonym));
            named.add(share.id());
        }))
                // The rows above must reach the database before the replies naming them are matched.
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> idempotency.forgetRepliesNaming(named))
                .chain(() -> scrubReplicas(kolId, pseudonym))
                .chain(() -> outbox.append(ErasureConfirmation.of(kolId, SERVICE, counts[0], counts[1]).event(TOPIC)));
    }

    private static void count(int[] counts, boolean held) {
        counts[0]++;
        if (held) {
            counts[1]++;
        }
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
