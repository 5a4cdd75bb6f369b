package io.rapport.kol.domain;

import java.time.Instant;

/**
 * A KOL who must not be contacted, since when and why (the reason is free text: it stays here and in the audit
 * trail, never in events). Set and cleared only through {@code PUT/DELETE /kols/{id}/do-not-contact}.
 */
public record DoNotContact(boolean active, String reason, Instant since) {

    public static DoNotContact none() {
        return new DoNotContact(false, null, null);
    }
}
