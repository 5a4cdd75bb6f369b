package io.rapport.kol.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.rapport.kol.domain.Channel;
import io.rapport.kol.domain.Contactability;
import io.rapport.kol.domain.DataProtection;
import io.rapport.kol.domain.Kol;
import io.rapport.kol.domain.KolProfile;

/**
 * Data of {@code rapport.kol.created.v1} and {@code rapport.kol.updated.v1}: the KOL's state after the change,
 * as the other services need it (status, tier, areas, preferences, contactability, assignments), without
 * names, contact data, notes or other free text (specialties and research interests stay in kol-service: they
 * are typed text; what the KOL works on travels as research topic codes of the reference data): the log is kept
 * forever and erasure cannot reach it.
 */
public record KolChanged(
        UUID kolId,
        String status,
        Integer tier,
        String country,
        List<String> therapeuticAreas,
        List<String> researchTopics,
        PreferencesData preferences,
        ContactabilityData contactability,
        List<String> assignedMsls,
        boolean conflictsOfInterestDeclared,
        long aggregateVersion,
        Instant changedAt) {

    /** Meeting preferences, without the notes. */
    public record PreferencesData(Set<Channel> channels, Integer meetingLengthMinutes, Integer maxContactsPerQuarter) {
    }

    /** Whether MSLs may contact the KOL and on which grounds. */
    public record ContactabilityData(boolean contactable, String reason, boolean emailAllowed, boolean phoneAllowed,
            String lawfulBasis, Map<String, String> consents, Instant objectedAt, boolean doNotContact) {
    }

    static KolChanged from(Kol kol) {
        KolProfile p = kol.profile();
        Contactability c = kol.contactability();
        DataProtection protection = kol.rights().dataProtection();
        Map<String, String> consents = new TreeMap<>();
        protection.consents().forEach((purpose, consent) -> consents.put(purpose.name(), consent.status().name()));
        return new KolChanged(kol.id(), kol.status().name(), p.tier(), p.country(), p.therapeuticAreas(),
                p.researchTopics().stream().distinct().toList(),
                new PreferencesData(p.preferences().channels(), p.preferences().meetingLengthMinutes(),
                        p.preferences().maxContactsPerQuarter()),
                new ContactabilityData(c.contactable(), c.reason(), c.emailAllowed(), c.phoneAllowed(),
                        protection.lawfulBasis().name(), consents, protection.objectedAt(),
                        kol.rights().doNotContact().active()),
                kol.assignedMsls(), !p.conflictsOfInterest().isEmpty(), kol.version(), kol.updatedAt());
    }
}
