package io.rapport.kol.domain;

import io.rapport.kol.domain.DataProtection.Purpose;

/**
 * Whether MSLs may contact the KOL, and why not. Every service that plans interactions or shares content
 * applies this (from the events), so it is computed once, here.
 *
 * @param reason null when contactable; otherwise the stable reason code ({@code kol-not-active},
 *        {@code do-not-contact}, {@code no-lawful-basis} after an objection or without consent)
 */
public record Contactability(boolean contactable, String reason, boolean emailAllowed, boolean phoneAllowed) {

    public static Contactability of(KolStatus status, KolRights rights) {
        DataProtection protection = rights.dataProtection();
        boolean email = !protection.withdrawnOrRefused(Purpose.EMAIL_CONTACT);
        boolean phone = !protection.withdrawnOrRefused(Purpose.PHONE_CONTACT);
        if (status != KolStatus.ACTIVE) {
            return new Contactability(false, "kol-not-active", false, false);
        }
        if (rights.doNotContact().active()) {
            return new Contactability(false, "do-not-contact", false, false);
        }
        if (protection.objectedAt() != null) {
            return new Contactability(false, "no-lawful-basis", false, false);
        }
        if (protection.lawfulBasis() == DataProtection.LawfulBasis.CONSENT && !protection.granted(Purpose.PROFILING)) {
            return new Contactability(false, "no-lawful-basis", false, false);
        }
        return new Contactability(true, null, email, phone);
    }
}
