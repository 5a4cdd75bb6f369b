package io.rapport.metrics.domain;

import io.smallrye.mutiny.Multi;
import java.util.List;

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
