package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
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

    public record Contactability(boolean contactable, String reason, boolean emailAllowed, boolean phoneAllowed) {
    }

    /** An MSL of the directory. */
    public record Msl(String userId, String team, String manager, String timeZone, long aggregateVersion) {
    }

    /** An approved scientific resource as insight-service publishes it. */
    public record Resource(String resourceId, String type, String status, Instant expiresAt) {

        public boolean isApprovedResponseLetter(Instant at) {
            return "RESPONSE_LETTER".equals(type) && "APPROVED".equals(status) && (expiresAt == null || expiresAt.isAfter(at));
        }
    }
}
