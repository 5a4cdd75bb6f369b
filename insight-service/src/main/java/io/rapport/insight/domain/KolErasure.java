package io.rapport.insight.domain;

import io.rapport.insight.config.InsightConfig;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.security.Pseudonyms;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * GDPR Art. 17 on {@code kol.erased}: insights and shares lose the KOL reference; insight text about the KOL
 * becomes {@code [erased]} (the insight stays, anonymised, and still counts), except insights that mention an
 * adverse event, which keep their content with the KOL pseudonymised. Idempotent.
 */
@ApplicationScoped
public class KolErasure {

    private final InsightRepository insights;
    private final ShareRepository shares;
    private final AuditTrail audit;
    private final Pseudonyms pseudonyms;

    public KolErasure(InsightRepository insights, ShareRepository shares, AuditTrail audit, InsightConfig config) {
        this.insights = insights;
        this.shares = shares;
        this.audit = audit;
        this.pseudonyms = new Pseudonyms(config.pseudonymKey(), "insight-service");
    }

    public Uni<Void> erase(UUID kolId) {
        UUID pseudonym = pseudonym(kolId);
        return insights.ofKol(kolId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Insight insight : list) {
                boolean held = insight.adverseEventMentioned();
                insight.eraseKol(pseudonym);
                chain = chain.chain(() -> audit.scrub("insight", insight.id(),
                        held ? "kolId"::equals : field -> Snapshot.FREE_TEXT.contains(field) || "kolId".equals(field)));
            }
            return chain;
        }).chain(() -> shares.allOfKol(kolId)).invoke(list -> list.forEach(Share::eraseKol)).replaceWithVoid();
    }

    UUID pseudonym(UUID kolId) {
        return pseudonyms.of(kolId);
    }
}
