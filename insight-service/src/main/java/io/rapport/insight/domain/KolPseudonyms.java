package io.rapport.insight.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.insight.config.InsightConfig;
import io.rapport.platform.security.Pseudonyms;

/**
 * The pseudonym an erased KOL keeps on what the law holds here (keyed, so it cannot be reversed without the
 * secret, and this service's own, so it links nothing across services).
 */
@ApplicationScoped
public class KolPseudonyms {

    private final Pseudonyms pseudonyms;

    public KolPseudonyms(InsightConfig config) {
        this.pseudonyms = new Pseudonyms(config.pseudonymKey(), "insight-service");
    }

    public UUID of(UUID kolId) {
        return pseudonyms.of(kolId);
    }

    /** The ids records about the KOL may carry: the KOL's own, and the pseudonym of what is held after erasure. */
    public List<UUID> idsOf(UUID kolId) {
        return List.of(kolId, of(kolId));
    }
}
