package io.rapport.metrics.domain;

import java.util.List;

import io.smallrye.mutiny.Multi;

/** The committed changes every instance hears, for the stream's subscribers. */
public interface ChangeFeed {

    /** Changes as they are committed, from now on. */
    Multi<Change> changes();

    /** The kept changes after {@code seq}, and whether older ones than kept were missed. */
    Missed since(long seq);

    /** The newest change heard, 0 before any. */
    long lastSeq();

    record Missed(List<Change> changes, boolean gap) {
    }
}
