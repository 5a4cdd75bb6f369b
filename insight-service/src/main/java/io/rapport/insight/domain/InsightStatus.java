package io.rapport.insight.domain;

import java.util.List;

/** DRAFT, SUBMITTED, then VALIDATED and ACTIONED, or REJECTED (and back to DRAFT for rework). */
public enum InsightStatus {
    DRAFT,
    SUBMITTED,
    VALIDATED,
    ACTIONED,
    REJECTED;

    /** The actions that move an insight on from here. */
    public List<String> actions() {
        return switch (this) {
            case DRAFT -> List.of("submit");
            case SUBMITTED -> List.of("validate", "reject");
            case VALIDATED -> List.of("action");
            case REJECTED -> List.of("rework");
            case ACTIONED -> List.of();
        };
    }

    /** Reached medical strategy's table: visible beyond its author, countable, endorsable. */
    public boolean shared() {
        return this == SUBMITTED || this == VALIDATED || this == ACTIONED;
    }
}
