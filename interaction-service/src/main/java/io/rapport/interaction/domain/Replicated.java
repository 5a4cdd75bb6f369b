package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this service reads from its replicas of other services' aggregates (the data of their latest events,
 * read tolerantly: only these fields matter here).
 */
public final class Replicated {

    public static final String KOL = "kol";
    public static final String MSL = "msl";
    public static final String THERAPEUTIC_AREA = "therapeutic-area";
    public static final String PRODUCT = "product";
    public static final String RESOURCE = "resource";

    private Replicated() {
    }

    /** A KOL as kol-service publishes it. */
    public record Kol(String kolId, String status, Integer tier, String country, List<String> therapeuticAreas,
            Preferences preferences, Contactability contactability, List<String> assignedMsls, long aggregateVersion) {

        public boolean erased() {
            return "ERASED".equals(status);
        }
    }

    public record Preferences(Set<Channel> channels, Integer meetingLengthMinutes, Integer maxContactsPerQuarter) {
    }

    /** What kol-service decided about contacting the KOL, and the rights state it decided from. */
    public record Contactability(boolean contactable, String reason, boolean emailAllowed, boolean phoneAllowed,
            String lawfulBasis, Map<String, String> consents, Instant objectedAt, Boolean doNotContact) {

        public boolean objected() {
            return objectedAt != null;
        }

        public boolean consentWithdrawn(String purpose) {
            return consents != null && "WITHDRAWN".equals(consents.get(purpose));
        }

        public boolean anyConsentWithdrawn() {
            return consents != null && consents.containsValue("WITHDRAWN");
        }
    }

    /**
     * An MSL of the directory. {@code active} / {@code status} are read tolerantly: an entry marked inactive (or
     * removed from the replica) has left the directory.
     */
    public record Msl(String userId, String team, String manager, String timeZone, Boolean active, String status,
            long aggregateVersion) {

        public boolean left() {
            return Boolean.FALSE.equals(active) || status != null && !"ACTIVE".equals(status);
        }
    }

    /** An approved scientific resource as insight-service publishes it. */
    public record Resource(String resourceId, String type, String status, Instant expiresAt) {

        public boolean isApprovedResponseLetter(Instant at) {
            return "RESPONSE_LETTER".equals(type) && "APPROVED".equals(status) && (expiresAt == null || expiresAt.isAfter(at));
        }
    }
}
