package io.rapport.platform.events;

import io.smallrye.mutiny.Uni;

/**
 * What a consumer does around each transaction in which {@link EventConsumer} applies events: for instance
 * choose the tables first, or write what the whole batch accumulated last (in one sorted statement, so
 * concurrent consumers cannot deadlock). A transaction may be retried, so {@link #begin()} starts afresh.
 */
public interface TransactionHooks {

    TransactionHooks NONE = new TransactionHooks() {
    };

    /** First statement(s) of the transaction, before any event is marked processed. */
    default Uni<Void> begin() {
        return Uni.createFrom().voidItem();
    }

    /** Last statement(s) of the transaction, after every event of it was handled. */
    default Uni<Void> beforeCommit() {
        return Uni.createFrom().voidItem();
    }

    /**
     * False for a replay of history (a projection rebuild): an unreadable event was dead-lettered when it was
     * first consumed, so it is only skipped.
     */
    default boolean deadLetters() {
        return true;
    }
}
