package io.rapport.launcher;

import java.util.Map;

/** The four services: where their jar is, their default port and database, and the secrets each needs. */
public enum Service {
    KOL("kol-service", 8081, "kol", Map.of("rapport.kol.erasure-hash-key", "erasure-hash-key")),
    INTERACTION("interaction-service", 8082, "interaction",
            Map.of("rapport.interaction.pseudonym-key", "pseudonym-key")),
    INSIGHT("insight-service", 8083, "insight", Map.of("rapport.insight.pseudonym-key", "pseudonym-key")),
    METRICS("metrics-service", 8084, "metrics", Map.of("rapport.metrics.pseudonym-key", "pseudonym-key"));

    private final String module;
    private final int defaultPort;
    private final String database;
    private final Map<String, String> secrets;

    Service(String module, int defaultPort, String database, Map<String, String> secrets) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.secrets = secrets;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /** Config key → name of the local secret that fills it. */
    Map<String, String> secrets() {
        return secrets;
    }
}
