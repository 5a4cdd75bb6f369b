package io.rapport.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What this service reads from its replicas of other services' aggregates (tolerant views of their events). */
public final class Replicated {

    public static final String REQUEST = "medical-request";
    public static final String INTERACTION = "interaction";

    private Replicated() {
    }

    /**
     * A KOL as kol-service publishes it; after {@code kol.erased} only its id and status {@code ERASED}. Research
     * topics are codes of kol-service's controlled vocabulary; the keywords it once derived from free text
     * ({@code researchInterestTags}) are not read any more, so an old event replayed on a rebuild has no topics.
     */
    public record Kol(String kolId, String status, String country, List<String> therapeuticAreas,
            List<String> researchTopics, Contactability contactability) {

        public static final String ERASED = "ERASED";

        public List<String> topics() {
            return researchTopics == null ? List.of() : researchTopics;
        }

        public List<String> areas() {
            return therapeuticAreas == null ? List.of() : therapeuticAreas;
        }

        public boolean erased() {
            return ERASED.equals(status);
        }
    }

    /**
     * Whether and how the KOL may be contacted, and the rights behind it (kol-service computes it; the rights
     * fields say why, so a refusal can name the rule).
     */
    public record Contactability(boolean contactable, String reason, boolean emailAllowed, Boolean phoneAllowed,
            String lawfulBasis, Map<String, String> consents, Instant objectedAt, Boolean doNotContact) {

        public String consent(String purpose) {
            return consents == null ? null : consents.get(purpose);
        }
    }

    /** A medical information request as interaction-service publishes it. */
    public record Request(String requestId, String kolId, String mslId, String team, boolean unsolicited,
            boolean offLabel, String status) {
    }

    /** An interaction as interaction-service publishes it: whose it is and with which KOL. */
    public record Interaction(String interactionId, String kolId, String mslId, String team) {
    }
}
