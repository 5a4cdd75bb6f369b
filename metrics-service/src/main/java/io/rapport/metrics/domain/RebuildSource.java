package io.rapport.metrics.domain;

import java.util.Map;

/**
 * The topics a rebuild reads from their beginning, without a consumer group, projecting what it reads into the
 * rebuild's batch (events reads them from Kafka). Blocking: a rebuild runs on a worker thread of its own.
 * Positions are topic → partition → next offset, the way the projection records how far it has read.
 */
public interface RebuildSource {

    /** Opens a reading of every projected topic, at the beginning of each of their partitions. */
    Reading open(ProjectionBatch batch);

    /** One pass over the topics; closing it lets the partitions go. */
    interface Reading extends AutoCloseable {

        /** Where each partition read ends now: what the rebuild catches up with before it swaps. */
        Map<String, Map<Integer, Long>> ends();

        /**
         * Reads what arrives within a short wait and projects it into the batch, in the batch's transactions;
         * false when nothing arrived.
         */
        boolean readNext();

        /** Whether every partition read is at or past its position in {@code targets} (others are not read). */
        boolean reached(Map<String, Map<Integer, Long>> targets);

        @Override
        void close();
    }
}
