package io.rapport.kol.domain;

import java.util.List;
import java.util.Set;

/**
 * What the audit trail compares: the profile and the rights with the assignments and status. Field paths of personal data
 * are listed so an erasure can scrub them out of the history.
 */
public record Snapshot(KolStatus status, List<String> assignedMsls, KolProfile profile, KolRights rights) {

    /**
     * Paths (or path prefixes) in a snapshot that hold no personal data; everything else is scrubbed on erasure.
     * The profile.dataProtection and profile.doNotContact paths are those of entries written before the rights
     * had a column of their own (V3).
     */
    private static final Set<String> NOT_PERSONAL = Set.of("status", "assignedMsls", "profile.status", "profile.tier",
            "profile.country", "profile.therapeuticAreas", "profile.preferences.channels",
            "profile.preferences.meetingLengthMinutes", "profile.preferences.maxContactsPerQuarter",
            "profile.dataProtection.lawfulBasis", "profile.dataProtection.objectedAt", "profile.doNotContact.active",
            "rights.dataProtection.lawfulBasis", "rights.dataProtection.objectedAt", "rights.doNotContact.active",
            "version");

    public static Snapshot of(Kol kol) {
        return new Snapshot(kol.status(), kol.assignedMsls(), kol.profile(), kol.rights());
    }

    public static boolean personal(String field) {
        return !NOT_PERSONAL.contains(field) && NOT_PERSONAL.stream().noneMatch(p -> field.startsWith(p + "["));
    }
}
