package io.rapport.kol.domain;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.rapport.platform.validation.Identifiers;

/** A clinical trial the KOL takes part in, by its registry id. */
public record ClinicalTrial(
        @NotNull Registry registry,
        @NotBlank @Size(max = 30) String id,
        Role role,
        Phase phase,
        Status status) {

    /** ClinicalTrials.gov (NCT00000000), EudraCT (YYYY-NNNNNN-CC) or the EU CTIS (YYYY-NNNNNN-CC-NN). */
    public enum Registry {
        NCT,
        EUDRACT,
        CTIS
    }

    public enum Role {
        PRINCIPAL_INVESTIGATOR,
        COORDINATING_INVESTIGATOR,
        SUB_INVESTIGATOR,
        STEERING_COMMITTEE,
        OTHER
    }

    public enum Phase {
        PHASE_1,
        PHASE_1_2,
        PHASE_2,
        PHASE_2_3,
        PHASE_3,
        PHASE_4,
        NOT_APPLICABLE
    }

    public enum Status {
        NOT_YET_RECRUITING,
        RECRUITING,
        ACTIVE_NOT_RECRUITING,
        COMPLETED,
        TERMINATED,
        WITHDRAWN
    }

    @JsonIgnore
    @AssertTrue(message = "the id does not match its registry (NCT: NCT + 8 digits; EUDRACT: YYYY-NNNNNN-CC; "
            + "CTIS: YYYY-NNNNNN-CC-NN)")
    public boolean isIdOfRegistry() {
        if (registry == null || id == null) {
            return true;
        }
        return switch (registry) {
            case NCT -> Identifiers.isNct(id);
            case EUDRACT -> Identifiers.isEudraCt(id);
            case CTIS -> Identifiers.isCtis(id);
        };
    }
}
