package io.rapport.platform.events;

import io.smallrye.mutiny.Uni;

/** A service's reaction to one event; runs inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(IncomingEvent event);
}
