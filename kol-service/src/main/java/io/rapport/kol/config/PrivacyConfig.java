package io.rapport.kol.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The other services that hold a KOL's personal data: each confirms an erasure (GDPR Art. 17) and answers for
 * its part of an access request (Art. 15). Their base URLs are {@code rapport.services.<name>-url}.
 */
@ConfigMapping(prefix = "rapport.privacy")
public interface PrivacyConfig {

    /** Whose confirmation completes an erasure, and who is asked on an access request, in this order. */
    @WithDefault("interaction-service,insight-service,metrics-service")
    List<String> services();

    /** How often unconfirmed erasures are looked for (and their event sent again). */
    @WithDefault("PT10M")
    Duration resendInterval();

    /**
     * How long an erasure event may go unconfirmed before it is sent again: longer than a normal consumer lag,
     * so a healthy service is not asked twice.
     */
    @WithDefault("PT15M")
    Duration resendGrace();

    /**
     * How long each service may take to list what it holds for an access request: a rare admin call without a
     * latency target, on a service that may hold years of a KOL's history, so far longer than a replica lookup.
     */
    @WithDefault("PT10S")
    Duration exportTimeout();

    /** Erasures sent again per run (each in the same transaction). */
    @WithDefault("100")
    int resendBatch();
}
