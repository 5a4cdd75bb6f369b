package io.rapport.insight.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.replica.Replicas;
import io.smallrye.mutiny.Uni;

/**
 * GDPR Art. 15: everything this service holds about a KOL. The insights about them (with their free text and
 * whole audit trail), the shares of content with them, and the replicas naming them (the KOL as kol-service
 * published it, interactions and medical requests). Records kept under a legal obligation after an erasure
 * are found through the pseudonym. A KOL this service knows nothing of has empty lists.
 */
@ApplicationScoped
public class PersonalData {

    private final InsightRepository insights;
    private final ShareRepository shares;
    private final AuditTrail audit;
    private final KolPseudonyms pseudonyms;

    public PersonalData(InsightRepository insights, ShareRepository shares, AuditTrail audit, KolPseudonyms pseudonyms) {
        this.insights = insights;
        this.shares = shares;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
    }

    /** An insight and its whole history. */
    public record InsightRecord(Insight insight, List<AuditEntryView> history) {
    }

    /** A replicated record of another service naming the KOL, as held here. */
    public record ReplicaRecord(String kind, String id, long version, Object data) {
    }

    public record Held(List<InsightRecord> insights, List<Share> shares, List<ReplicaRecord> replicas) {
    }

    @WithSession
    public Uni<Held> of(UUID kolId) {
        List<UUID> ids = pseudonyms.idsOf(kolId);
        return insights.ofKol(ids).chain(found -> {
            List<InsightRecord> records = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Insight insight : found) {
                chain = chain.chain(() -> history(insight.id(), PageRequest.first(PageRequest.MAX_LIMIT), new ArrayList<>())
                        .invoke(history -> records.add(new InsightRecord(insight, history))).replaceWithVoid());
            }
            return chain.replaceWith(records);
        }).chain(records -> shares.allOfKol(ids).chain(held -> replicas(kolId, ids)
                .map(replicas -> new Held(records, held, replicas))));
    }

    private Uni<List<AuditEntryView>> history(UUID id, PageRequest page, List<AuditEntryView> all) {
        return audit.history("insight", id, page).chain(found -> {
            all.addAll(found.items());
            return found.nextCursor() == null ? Uni.createFrom().item(all)
                    : history(id, PageRequest.of(PageRequest.MAX_LIMIT, found.nextCursor()), all);
        });
    }

    private Uni<List<ReplicaRecord>> replicas(UUID kolId, List<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT kind, id, version, data::text "
                + "FROM replica WHERE (kind = 'kol' AND id = :kol) OR (kind IN ('" + Replicated.INTERACTION
                + "', '" + Replicated.REQUEST + "') AND data ->> 'kolId' IN (:ids)) ORDER BY kind, id",
                Object[].class)
                .setParameter("kol", kolId.toString())
                .setParameter("ids", ids.stream().map(UUID::toString).toList())
                .getResultList())
                .map(rows -> rows.stream().map(r -> new ReplicaRecord((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), Replicas.as((String) r[3], Object.class))).toList());
    }
}
