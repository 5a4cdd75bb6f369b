package io.rapport.insight.domain;

import io.rapport.insight.config.InsightConfig;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    private final SecretKeySpec key;

    public KolErasure(InsightRepository insights, ShareRepository shares, AuditTrail audit, InsightConfig config) {
        this.insights = insights;
        this.shares = shares;
        this.audit = audit;
        this.key = new SecretKeySpec(config.pseudonymKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return UUID.nameUUIDFromBytes(mac.doFinal(("insight-service:" + kolId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
