package io.rapport.metrics.domain;

import java.time.Instant;

/** The last rebuild: RUNNING, SWAPPING, DONE or FAILED (with the reason in detail), and events applied. */
public record RebuildState(String state, String requestedBy, Instant startedAt, Instant updatedAt, Instant finishedAt,
        long applied, String detail) {

    public static final RebuildState NEVER = new RebuildState("NEVER", null, null, null, null, 0, null);
}
