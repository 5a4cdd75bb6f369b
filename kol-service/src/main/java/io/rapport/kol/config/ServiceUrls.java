package io.rapport.kol.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the other services answer (the launcher, compose and Kubernetes set these). */
@ConfigMapping(prefix = "rapport.services")
public interface ServiceUrls {

    @WithDefault("http://localhost:8082")
    String interactionUrl();

    @WithDefault("http://localhost:8083")
    String insightUrl();

    @WithDefault("http://localhost:8084")
    String metricsUrl();

    /** The base URL of a service by its name ({@code interaction-service}, ...). */
    default String of(String service) {
        return switch (service) {
            case "interaction-service" -> interactionUrl();
            case "insight-service" -> insightUrl();
            case "metrics-service" -> metricsUrl();
            default -> throw new IllegalArgumentException("No URL configured for " + service);
        };
    }
}
