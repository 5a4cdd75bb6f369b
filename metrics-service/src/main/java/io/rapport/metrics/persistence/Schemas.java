package io.rapport.metrics.persistence;

import java.util.Set;

/** The live projection schema and a rebuild's shadow. */
public final class Schemas {

    public static final String LIVE = "metrics";
    public static final String REBUILD = "metrics_rebuild";
    private static final Set<String> KNOWN = Set.of(LIVE, REBUILD);

    private Schemas() {
    }

    /** Only these two names ever reach SQL text. */
    static String checked(String schema) {
        if (!KNOWN.contains(schema)) {
            throw new IllegalArgumentException("Unknown projection schema " + schema);
        }
        return schema;
    }
}
