package io.rapport.kol.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A KOL's name (personal data). */
public record PersonName(
        @Size(max = 40) String prefix,
        @Size(max = 100) String given,
        @NotBlank @Size(max = 100) String family,
        @Size(max = 60) String suffix) {
}
