package io.rapport.kol.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The lawful basis of the profile (GDPR Art. 6), the privacy notice, an Art. 21 objection and the consents
 * per purpose.
 */
public record DataProtection(
        LawfulBasis lawfulBasis,
        Instant privacyNoticeSentAt,
        Instant objectedAt,
        Map<Purpose, @NotNull @Valid Consent> consents) {

    public DataProtection {
        lawfulBasis = lawfulBasis == null ? LawfulBasis.LEGITIMATE_INTEREST : lawfulBasis;
        consents = consents == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(consents));
    }

    public static DataProtection defaults() {
        return new DataProtection(LawfulBasis.LEGITIMATE_INTEREST, null, null, Map.of());
    }

    public enum LawfulBasis {
        LEGITIMATE_INTEREST,
        CONSENT
    }

    public enum Purpose {
        PROFILING,
        EMAIL_CONTACT,
        PHONE_CONTACT,
        TRANSPARENCY_PUBLICATION
    }

    /** A consent for one purpose, with where it was captured and the evidence. */
    public record Consent(
            @NotNull Status status,
            Instant capturedAt,
            @Size(max = 100) String source,
            @Size(max = 200) String evidenceReference) {

        public enum Status {
            GRANTED,
            WITHDRAWN,
            REFUSED
        }
    }

    public boolean granted(Purpose purpose) {
        Consent consent = consents.get(purpose);
        return consent != null && consent.status() == Consent.Status.GRANTED;
    }

    public boolean withdrawnOrRefused(Purpose purpose) {
        Consent consent = consents.get(purpose);
        return consent != null && consent.status() != Consent.Status.GRANTED;
    }

    public DataProtection objected(Instant at) {
        return new DataProtection(lawfulBasis, privacyNoticeSentAt, at, consents);
    }
}
