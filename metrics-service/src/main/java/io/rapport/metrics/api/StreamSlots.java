package io.rapport.metrics.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.config.MetricsConfig;
import io.rapport.platform.api.ProblemException;

/**
 * The streams this instance holds open, per user and in all: each is a connection and a subscriber to every
 * change, so one user (or a leaking dashboard) cannot take them all. A stream beyond either cap is refused with
 * 429 {@code too-many-streams} and Retry-After before it opens; a slot is given back when its stream ends,
 * however it ends (client gone, token expired, instance stopping).
 */
@ApplicationScoped
public class StreamSlots {

    private final MetricsConfig config;
    private final Map<String, Integer> byUser = new HashMap<>();
    private int open;

    public StreamSlots(MetricsConfig config) {
        this.config = config;
    }

    /** A slot for one more stream of this user, or a 429 problem. */
    public synchronized Slot take(String user) {
        if (open >= config.streamsPerInstance()) {
            throw refused("instance", "This instance serves " + config.streamsPerInstance() + " streams at most; "
                    + "try again shortly (another instance may have room)");
        }
        int mine = byUser.getOrDefault(user, 0);
        if (mine >= config.streamsPerUser()) {
            throw refused("user", "At most " + config.streamsPerUser() + " streams per user are open at once; close "
                    + "one (another tab or dashboard) or try again shortly");
        }
        byUser.put(user, mine + 1);
        open++;
        return new Slot(user);
    }

    /** Streams open now on this instance. */
    public synchronized int open() {
        return open;
    }

    /** Streams this user holds open now on this instance. */
    public synchronized int openBy(String user) {
        return byUser.getOrDefault(user, 0);
    }

    private synchronized void release(String user) {
        open--;
        byUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
    }

    private ProblemException refused(String limit, String detail) {
        return new ProblemException(429, "too-many-streams", "Too many streams", detail, null).with("limit", limit)
                .header("Retry-After", Long.toString(Math.max(1, config.streamRetryAfter().toSeconds())));
    }

    /** One open stream; giving it back twice gives it back once. */
    public final class Slot {
        private final String user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String user) {
            this.user = user;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                StreamSlots.this.release(user);
            }
        }
    }
}
