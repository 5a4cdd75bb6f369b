package io.rapport.kol.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A declared conflict of interest: a tie of the KOL to a company. */
public record ConflictOfInterest(
        @NotBlank @Size(max = 200) String company,
        @NotNull Kind kind,
        LocalDate from,
        LocalDate until) {

    public enum Kind {
        ADVISORY_BOARD,
        CONSULTING,
        SPEAKER,
        RESEARCH_GRANT,
        EMPLOYMENT,
        OWNERSHIP,
        OTHER
    }

    @JsonIgnore
    @AssertTrue(message = "until must not be before from")
    public boolean isPeriod() {
        return from == null || until == null || !until.isBefore(from);
    }
}
