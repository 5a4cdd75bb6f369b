package io.rapport.interaction.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** interaction-service settings. */
@ConfigMapping(prefix = "rapport.interaction")
public interface InteractionConfig {

    /**
     * Secret key of the pseudonyms given to an erased KOL on the records kept under a legal obligation (adverse
     * events, product complaints). Required in production.
     */
    String pseudonymKey();

    /** How long after completion an interaction may still be amended. */
    @WithDefault("P30D")
    Duration amendmentWindow();

    Sla sla();

    /** Service levels of medical information requests, in calendar hours. */
    interface Sla {

        @WithDefault("24")
        int urgentHours();

        @WithDefault("120")
        int standardHours();
    }
}
