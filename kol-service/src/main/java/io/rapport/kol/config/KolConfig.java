package io.rapport.kol.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** kol-service settings. */
@ConfigMapping(prefix = "rapport.kol")
public interface KolConfig {

    /**
     * Secret key of the keyed hash (HMAC-SHA256) kept of an erased KOL's identifiers, so an upsert of the
     * same NPI, ORCID or CRM id is refused without keeping the identifier itself. Required in production.
     */
    String erasureHashKey();

    Import imports();

    interface Import {

        /** Largest import body accepted, in bytes (256 MiB). */
        @WithDefault("268435456")
        long maxBytes();

        /**
         * Largest row accepted, in bytes (256 KiB: a profile with its 500 publications of usual length fits; a
         * single POST may be up to the 1 MiB body limit): a longer row is rejected in the report and the import
         * goes on, so one runaway row (a file without newlines) is never held whole.
         */
        @WithDefault("262144")
        long maxRowBytes();

        /** Rows written per transaction: one multi-row statement each for KOLs, identifiers, audit, outbox. */
        @WithDefault("500")
        int batchSize();
    }
}
