package io.rapport.insight.domain;

import java.util.List;

/** What this service reads from its replicas of other services' aggregates (tolerant views of their events). */
public final class Replicated {

    public static final String REQUEST = "medical-request";

    private Replicated() {
    }

    /** A KOL as kol-service publishes it. */
    public record Kol(String kolId, String status, String country, List<String> therapeuticAreas,
            List<String> researchInterestTags, Contactability contactability) {

        public List<String> interests() {
            return researchInterestTags == null ? List.of() : researchInterestTags;
        }

        public List<String> areas() {
            return therapeuticAreas == null ? List.of() : therapeuticAreas;
        }
    }

    public record Contactability(boolean contactable, String reason, boolean emailAllowed) {
    }

    /** A medical information request as interaction-service publishes it. */
    public record Request(String requestId, String kolId, boolean unsolicited, boolean offLabel, String status) {
    }
}
