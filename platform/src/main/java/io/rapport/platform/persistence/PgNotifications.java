package io.rapport.platform.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * PostgreSQL LISTEN on a connection of its own (a pooled connection would be handed to others), to the
 * service's database, reconnecting every second after a loss. Callers add their channels, then connect.
 */
@ApplicationScoped
public class PgNotifications {

    private final Vertx vertx;
    private final PgConnectOptions options;

    public PgNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(reactiveUrl);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    public PgSubscriber subscriber() {
        return PgSubscriber.subscriber(vertx, new PgConnectOptions(options)).reconnectPolicy(attempt -> 1000L);
    }
}
