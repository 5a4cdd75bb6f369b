package io.rapport.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies the platform's own tables (outbox, processed events, idempotency keys, audit entries) in every
 * service's database. They have their own Flyway history table ({@code platform_schema_history}), so
 * platform and service migrations are versioned independently and can never clash.
 */
@ApplicationScoped
public class PlatformMigrations {

    /** Runs before anything that uses the tables (the relay starts at a later priority). */
    public static final int PRIORITY = 10;
    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    void migrate(@Observes @Priority(PRIORITY) StartupEvent start, AgroalDataSource dataSource) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/platform")
                .table("platform_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("Applied %d platform migration(s), now at version %s", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }
}
