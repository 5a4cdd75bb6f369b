package io.rapport.platform.persistence;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.rapport.platform.config.PlatformConfig;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * Bounds how long a request can wait for PostgreSQL: a connect timeout and a pool acquire timeout (Quarkus
 * has no properties for them). When the database is gone, requests fail fast and get a 503 instead of hanging.
 */
@Singleton
public class PoolTimeouts implements PgPoolCreator {

    private final PlatformConfig config;

    public PoolTimeouts(PlatformConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setConnectionTimeout((int) config.datasource().acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            connect.setConnectTimeout((int) config.datasource().connectTimeout().toMillis());
        }
        return PgBuilder.pool().with(pool).connectingTo(new ArrayList<SqlConnectOptions>(input.pgConnectOptionsList()))
                .using(input.vertx()).build();
    }
}
