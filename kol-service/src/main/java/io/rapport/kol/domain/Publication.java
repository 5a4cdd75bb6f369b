package io.rapport.kol.domain;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.rapport.platform.validation.Identifier;

/** A publication of the KOL, identified by its PubMed id and/or DOI. */
public record Publication(
        @Identifier(Identifier.Kind.PMID) String pmid,
        @Identifier(Identifier.Kind.DOI) String doi,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 200) String journal,
        @Min(1900) @Max(2100) Integer year) {

    @JsonIgnore
    @AssertTrue(message = "a publication needs a pmid or a doi")
    public boolean isIdentified() {
        return pmid != null || doi != null;
    }
}
