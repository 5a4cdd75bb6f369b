package io.rapport.metrics.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** metrics-service settings (prefix {@code rapport.metrics}). */
@ConfigMapping(prefix = "rapport.metrics")
public interface MetricsConfig {

    /**
     * Completed interactions per quarter a KOL of each tier should have (relationship health, frequency);
     * defaults in application.properties: tier 1 six, tier 2 four, tier 3 two, tier 4 one.
     */
    Map<Integer, Integer> tierTargets();

    /** The stream sends at most one message per subscriber per this interval. */
    @WithDefault("PT0.25S")
    Duration streamCoalesce();

    /** A comment on the stream this often keeps proxies from closing an idle connection. */
    @WithDefault("PT15S")
    Duration streamHeartbeat();

    /**
     * Streams one user may hold open at once on one instance (each is a connection and a subscription to every
     * change); one more is refused with 429 and Retry-After.
     */
    @WithDefault("5")
    int streamsPerUser();

    /** Streams one instance holds open at once, whoever opened them; one more is refused with 429. */
    @WithDefault("200")
    int streamsPerInstance();

    /** What a refused stream's Retry-After says. */
    @WithDefault("PT10S")
    Duration streamRetryAfter();

    /** The secret of the pseudonyms erased KOLs get (HMAC-SHA256); required in production. */
    String pseudonymKey();

    /** How many KOLs' health the hourly sweep recomputes per transaction. */
    @WithDefault("500")
    int healthSweepBatch();
}
