package io.rapport.kol.domain;

import jakarta.validation.constraints.Size;

/** A KOL who must not be contacted, and why (the reason is free text and stays here). */
public record DoNotContact(boolean active, @Size(max = 500) String reason) {

    public static DoNotContact none() {
        return new DoNotContact(false, null);
    }
}
