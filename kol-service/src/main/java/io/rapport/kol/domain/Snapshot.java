package io.rapport.kol.domain;

import java.util.List;
import java.util.Set;

/**
 * What the audit trail compares: the profile with the assignments and status. Field paths of personal data
 * are listed so an erasure can scrub them out of the history.
 */
public record Snapshot(KolStatus status, List<String> assignedMsls, KolProfile profile) {

    /** Paths (or path prefixes) in a snapshot that hold no personal data; everything else is scrubbed on erasure. */
    private static final Set<String> NOT_PERSONAL = Set.of("status", "assignedMsls", "profile.status", "profile.tier",
            "profile.country", "profile.therapeuticAreas", "profile.preferences.channels",
            "profile.preferences.meetingLengthMinutes", "profile.preferences.maxContactsPerQuarter",
            "profile.dataProtection.lawfulBasis", "profile.dataProtection.objectedAt", "profile.doNotContact.active",
            "version");

    public static Snapshot of(Kol kol) {
        return new Snapshot(kol.status(), kol.assignedMsls(), kol.profile());
    }

    public static boolean personal(String field) {
        return !NOT_PERSONAL.contains(field) && NOT_PERSONAL.stream().noneMatch(p -> field.startsWith(p + "["));
    }
}
