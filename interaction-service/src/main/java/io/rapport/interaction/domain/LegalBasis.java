package io.rapport.interaction.domain;

/**
 * Why a record about a KOL may exist (GDPR Art. 6), recorded on the record. The KOL's own basis
 * (LEGITIMATE_INTEREST or CONSENT) lapses with an objection, a withdrawn consent, do-not-contact or an erasure;
 * the two exceptions do not: what the law requires anyway (an adverse event or product complaint, and the Drug
 * Safety follow-up it opens) and answering a question the KOL asked unprompted.
 */
public enum LegalBasis {
    LEGITIMATE_INTEREST,
    CONSENT,
    LEGAL_OBLIGATION,
    KOL_REQUEST;

    /** Kept whatever the KOL's rights state; for an erased KOL without personal data (pseudonymised at once). */
    public boolean exception() {
        return this == LEGAL_OBLIGATION || this == KOL_REQUEST;
    }

    /** The KOL's own basis as kol-service publishes it; legitimate interest when it names none. */
    public static LegalBasis ofKol(Replicated.Kol kol) {
        Replicated.Contactability contactability = kol.contactability();
        return contactability != null && "CONSENT".equals(contactability.lawfulBasis()) ? CONSENT : LEGITIMATE_INTEREST;
    }
}
