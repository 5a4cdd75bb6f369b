package io.rapport.interaction.domain;

import java.util.List;

/** PLANNED, then COMPLETED, CANCELLED or NO_SHOW; an interaction may also be logged directly as COMPLETED. */
public enum InteractionStatus {
    PLANNED,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    /** Where an interaction may go from here. */
    public List<InteractionStatus> next() {
        return this == PLANNED ? List.of(COMPLETED, CANCELLED, NO_SHOW) : List.of();
    }

    /** Whether it counts against the KOL's frequency cap. */
    public boolean counts() {
        return this == PLANNED || this == COMPLETED;
    }
}
