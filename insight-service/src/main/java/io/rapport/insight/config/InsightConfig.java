package io.rapport.insight.config;

import io.smallrye.config.ConfigMapping;

/** insight-service settings. */
@ConfigMapping(prefix = "rapport.insight")
public interface InsightConfig {

    /**
     * Secret key of the pseudonyms given to an erased KOL on insights kept under a legal obligation (an adverse
     * event mentioned). Required in production.
     */
    String pseudonymKey();
}
