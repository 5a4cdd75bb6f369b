package io.rapport.kol.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.rapport.platform.validation.Identifier;

/** Where a KOL works or worked. */
public record Affiliation(
        @NotBlank @Size(max = 200) String institution,
        @Size(max = 100) String role,
        @Identifier(Identifier.Kind.COUNTRY) String country,
        LocalDate from,
        LocalDate until) {

    @JsonIgnore
    @AssertTrue(message = "until must not be before from")
    public boolean isPeriod() {
        return from == null || until == null || !until.isBefore(from);
    }
}
