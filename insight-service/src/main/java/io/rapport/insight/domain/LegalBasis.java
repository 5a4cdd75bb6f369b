package io.rapport.insight.domain;

/**
 * The legal obligation a record is kept under, whatever the KOL's rights: such a record is accepted after an
 * objection, a withdrawn consent or an erasure (then with a pseudonym instead of the KOL id), and an erasure
 * keeps its content with the KOL pseudonymised. Recorded on the record itself, so anyone can see why it stays.
 */
public enum LegalBasis {

    /** An adverse event heard from the KOL must reach Drug Safety and be kept (GDPR Art. 6(1)(c), 9(2)(i)). */
    LEGAL_OBLIGATION,

    /** An answer to a medical information question the KOL initiated (the KOL's own request). */
    KOL_REQUEST
}
