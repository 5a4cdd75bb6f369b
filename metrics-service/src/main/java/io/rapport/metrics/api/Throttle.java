package io.rapport.metrics.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * At most one message per window, without delaying the first: a change after a quiet window goes out at
 * once; changes within the window are gathered and go out together when it ends.
 */
final class Throttle {

    private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Throttle() {
    }

    static <T> Multi<List<T>> of(Multi<T> items, Duration window) {
        long windowNanos = window.toNanos();
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            List<T> pending = new ArrayList<>();
            long[] lastSent = { System.nanoTime() - windowNanos };
            ScheduledFuture<?>[] flush = { null };
            Runnable send = () -> {
                List<T> batch;
                synchronized (lock) {
                    batch = List.copyOf(pending);
                    pending.clear();
                    flush[0] = null;
                    lastSent[0] = System.nanoTime();
                }
                if (!batch.isEmpty()) {
                    emitter.emit(batch);
                }
            };
            var subscription = items.subscribe().with(item -> {
                boolean now;
                synchronized (lock) {
                    pending.add(item);
                    long quiet = System.nanoTime() - lastSent[0];
                    now = flush[0] == null && quiet >= windowNanos;
                    if (!now && flush[0] == null) {
                        // the Vert.x-aware scheduler refuses delays under a millisecond (it failed the stream)
                        flush[0] = Infrastructure.getDefaultWorkerPool().schedule(send,
                                Math.max(MIN_DELAY_NANOS, windowNanos - quiet), TimeUnit.NANOSECONDS);
                    }
                }
                if (now) {
                    send.run();
                }
            }, emitter::fail, emitter::complete);
            emitter.onTermination(() -> {
                subscription.cancel();
                synchronized (lock) {
                    if (flush[0] != null) {
                        flush[0].cancel(false);
                    }
                }
            });
        });
    }
}
