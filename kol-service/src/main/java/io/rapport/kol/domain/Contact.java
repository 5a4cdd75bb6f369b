package io.rapport.kol.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.Identifier;

/** How to reach a KOL (personal data: never published in events, scrubbed by erasure). */
public record Contact(
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "\\+?[0-9 ()./-]{5,30}", message = "not a phone number") String phone,
        @Valid PostalAddress address) {

    /** A postal address. */
    public record PostalAddress(
            @Size(max = 3) List<@Size(max = 200) String> lines,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String region,
            @Identifier(Identifier.Kind.COUNTRY) String country) {
    }
}
