package io.rapport.kol.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A KOL's data-protection state: lawful basis, privacy notice, Art. 21 objection, consents per purpose and
 * do-not-contact. It is state of its own, beside the profile and never part of it: a CRM re-sync, an import row
 * or a merge patch replaces the profile and cannot reach these (it once reset an objection by omitting it).
 * Only the rights requests of {@link KolRightsService} change it, each audited with who asked and why.
 */
public record KolRights(DataProtection dataProtection, DoNotContact doNotContact) {

    public KolRights {
        dataProtection = dataProtection == null ? DataProtection.defaults() : dataProtection;
        doNotContact = doNotContact == null ? DoNotContact.none() : doNotContact;
    }

    /** What a new KOL starts with: legitimate interest, no notice sent, no objection, no consents, contactable. */
    public static KolRights defaults() {
        return new KolRights(DataProtection.defaults(), DoNotContact.none());
    }

    public boolean objected() {
        return dataProtection.objectedAt() != null;
    }

    /** Art. 21; objecting again keeps the first date. */
    public KolRights objected(Instant at) {
        return objected() ? this : with(dataProtection.objected(at));
    }

    public KolRights objectionWithdrawn() {
        return with(dataProtection.objected(null));
    }

    public KolRights consent(DataProtection.Purpose purpose, DataProtection.Consent consent) {
        Map<DataProtection.Purpose, DataProtection.Consent> consents = new TreeMap<>(dataProtection.consents());
        consents.put(purpose, consent);
        return with(new DataProtection(dataProtection.lawfulBasis(), dataProtection.privacyNoticeSentAt(),
                dataProtection.objectedAt(), consents));
    }

    public KolRights lawfulBasis(DataProtection.LawfulBasis basis) {
        return with(new DataProtection(basis, dataProtection.privacyNoticeSentAt(), dataProtection.objectedAt(),
                dataProtection.consents()));
    }

    public KolRights privacyNoticeSent(Instant at) {
        return with(new DataProtection(dataProtection.lawfulBasis(), at, dataProtection.objectedAt(),
                dataProtection.consents()));
    }

    public KolRights doNotContact(DoNotContact changed) {
        return new KolRights(dataProtection, changed);
    }

    /**
     * What stays after a GDPR erasure: the states that keep the pseudonymous KOL uncontactable (basis, objection,
     * do-not-contact), none of the free text (reasons, consent sources and evidence).
     */
    public KolRights erased() {
        return new KolRights(new DataProtection(dataProtection.lawfulBasis(), null, dataProtection.objectedAt(), Map.of()),
                new DoNotContact(doNotContact.active(), null, null));
    }

    private KolRights with(DataProtection changed) {
        return new KolRights(changed, doNotContact);
    }
}
