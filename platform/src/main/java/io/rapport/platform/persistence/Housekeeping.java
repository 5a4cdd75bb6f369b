package io.rapport.platform.persistence;

import io.quarkus.runtime.StartupEvent;
import io.rapport.platform.config.PlatformConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Forgets idempotency keys past their retention, hourly. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Pool pool;
    private final Vertx vertx;
    private final PlatformConfig config;

    public Housekeeping(Pool pool, Vertx vertx, PlatformConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> forgetExpiredKeys());
    }

    void forgetExpiredKeys() {
        pool.withConnection(connection -> connection
                        .preparedQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => $1)")
                        .execute(Tuple.of((double) config.idempotencyKeyRetention().toSeconds())))
                .subscribe().with(rows -> LOG.debugf("Forgot %d idempotency keys", rows.rowCount()),
                        e -> LOG.debugf("Idempotency key clean-up skipped: %s", e.getMessage()));
    }
}
