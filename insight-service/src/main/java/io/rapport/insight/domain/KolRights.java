package io.rapport.insight.domain;

import io.rapport.platform.domain.DomainException;

/**
 * Whether a new record about a KOL may be written, given the KOL's rights as kol-service publishes them. A
 * record needs the KOL not erased, not objected (GDPR Art. 21) and, under the consent basis, the consent to
 * profiling; a share, being a contact, also needs the KOL active, contactable and the channel's consent. A
 * record under a {@link LegalBasis} is exempt from the rights rules: the law requires it anyway. Each refusal is
 * a 422 whose type names the rule.
 */
public final class KolRights {

    /** What a new record is, for the rules it needs. */
    public enum Record {
        INSIGHT,
        SHARE
    }

    private KolRights() {
    }

    /**
     * Refuses the record (422) unless the KOL's rights allow it.
     *
     * @param legal the legal obligation the record is kept under, or null
     */
    public static void require(Replicated.Kol kol, Record record, Share.Channel channel, LegalBasis legal) {
        if (kol.erased()) {
            if (legal == null) {
                throw DomainException.rule("kol-erased", "KOL " + kol.kolId() + " was erased (GDPR Art. 17); no new "
                        + "records about them, except what the law requires");
            }
            return;
        }
        Replicated.Contactability c = kol.contactability();
        if (legal == null && c != null) {
            requireRights(kol, c);
        }
        if (record == Record.SHARE) {
            requireReachable(kol, c, channel, legal);
        }
    }

    /** The rights rules every record about the KOL needs. */
    private static void requireRights(Replicated.Kol kol, Replicated.Contactability c) {
        if (c.objectedAt() != null) {
            throw DomainException.rule("kol-objected", "KOL " + kol.kolId() + " objected to the processing of their "
                    + "data (GDPR Art. 21) on " + c.objectedAt());
        }
        if ("CONSENT".equals(c.lawfulBasis()) && !"GRANTED".equals(c.consent("PROFILING"))) {
            if ("WITHDRAWN".equals(c.consent("PROFILING"))) {
                throw DomainException.rule("consent-withdrawn", "KOL " + kol.kolId() + " withdrew the consent to "
                        + "profiling their data rests on");
            }
            throw DomainException.rule("no-lawful-basis", "KOL " + kol.kolId() + " has not consented to profiling");
        }
        if (!c.contactable() && "no-lawful-basis".equals(c.reason())) {
            throw DomainException.rule("no-lawful-basis", "There is no lawful basis to process the data of KOL "
                    + kol.kolId());
        }
    }

    /** A share is a contact: the KOL must be active and contactable, on this channel. */
    private static void requireReachable(Replicated.Kol kol, Replicated.Contactability c, Share.Channel channel,
            LegalBasis legal) {
        if (!"ACTIVE".equals(kol.status())) {
            throw DomainException.rule("kol-not-active", "KOL " + kol.kolId() + " is " + kol.status());
        }
        if (c == null || legal != null) {
            // The KOL asked: answering is what they requested, whatever their contact preferences.
            return;
        }
        if (Boolean.TRUE.equals(c.doNotContact()) || !c.contactable()) {
            String reason = Boolean.TRUE.equals(c.doNotContact()) || c.reason() == null ? "do-not-contact" : c.reason();
            throw DomainException.rule(reason, "KOL " + kol.kolId() + " may not be contacted (" + reason + ")");
        }
        if (channel == Share.Channel.EMAIL && !c.emailAllowed()) {
            throw DomainException.rule("no-email-consent", "KOL " + kol.kolId() + " withdrew or refused consent to "
                    + "e-mail contact");
        }
        if (channel == Share.Channel.PHONE && Boolean.FALSE.equals(c.phoneAllowed())) {
            throw DomainException.rule("no-phone-consent", "KOL " + kol.kolId() + " withdrew or refused consent to "
                    + "phone contact");
        }
    }

    /** Whether content may be offered to the KOL unasked (what recommendations are for). */
    public static boolean reachable(Replicated.Kol kol) {
        try {
            require(kol, Record.SHARE, Share.Channel.IN_PERSON, null);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }
}
