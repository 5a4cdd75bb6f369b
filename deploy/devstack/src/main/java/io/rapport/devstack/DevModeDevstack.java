package io.rapport.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * {@code ./mvnw quarkus:dev -pl <service>}: before the service's datasource, Flyway and Kafka start, makes sure the
 * devstack its {@code %dev} configuration names is there. When PostgreSQL and Kafka already answer on those ports
 * ({@code deploy/run-local --infra-only}, another service in dev mode) they are used; when neither does, a devstack
 * is started on them with its data under {@code deploy/.local/devstack} (the local suite's data), and it stops with
 * this JVM. Either way the service's database and Rapport's topics are created unless they exist.
 *
 * <p>
 * A config source factory because configuration is the first thing Quarkus reads, in every phase. It acts in the
 * {@code dev} profile only, and only for a datasource and a broker on this machine; the services have the devstack
 * as a {@code provided} dependency, which Quarkus puts on the dev-mode classpath and never into the built
 * application, and tests (the {@code test} profile) start their own through {@code DevstackResource}. It provides
 * {@code rapport.dev.root}, the repository's directory, so the {@code %dev} settings can name files under
 * {@code deploy/.local} (this installation's public key, which verifies the tokens of {@code deploy/dev-token}).
 * {@code rapport.dev.devstack=false} turns it off.
 */
public final class DevModeDevstack implements ConfigSourceFactory {

    static final String ROOT_PROPERTY = "rapport.dev.root";
    /** Set once per JVM (system property, seen by every class loader of dev mode) for what was made ready. */
    private static final String READY_PROPERTY = "rapport.dev.devstack.ready";

    /** The devstack this JVM started, if it did; stopped by its shutdown hook. */
    private static Devstack started;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || "false".equals(value(context, "rapport.dev.devstack"))) {
            return List.of();
        }
        Path root = repositoryRoot();
        if (root == null) {
            return List.of();
        }
        Local postgres = Local.of(stripPrefix(value(context, "quarkus.datasource.jdbc.url"), "jdbc:"));
        Local kafka = Local.of("kafka://" + value(context, "kafka.bootstrap.servers"));
        if (postgres != null && kafka != null && !postgres.database().isEmpty()) {
            ensure(root, postgres.port(), postgres.database(), kafka.port());
        }
        return List.of(new MapBackedConfigSource("rapport-dev-mode", Map.of(ROOT_PROPERTY, root.toString()), 50) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    static synchronized void ensure(Path root, int postgresPort, String database, int kafkaPort) {
        String ready = postgresPort + "/" + database + "," + kafkaPort;
        if (ready.equals(System.getProperty(READY_PROPERTY))) {
            return;
        }
        boolean postgresUp = Processes.portOpen(postgresPort);
        boolean kafkaUp = Processes.portOpen(kafkaPort);
        Devstack.Endpoints endpoints = new Devstack.Endpoints(postgresPort, "127.0.0.1:" + kafkaPort);
        if (!postgresUp && !kafkaUp) {
            Path dir = root.resolve("deploy/.local/devstack");
            System.out.printf("devstack: nothing listens on %d and %d: starting PostgreSQL and Kafka there (data in"
                    + " %s; they stop with dev mode)%n", postgresPort, kafkaPort, dir);
            long begin = System.nanoTime();
            started = Devstack.start(new Devstack.Options(dir, postgresPort, kafkaPort, true));
            System.out.printf("devstack: up in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
        } else if (postgresUp != kafkaUp) {
            throw new DevstackException("Dev mode expects PostgreSQL on port " + postgresPort + " and Kafka on "
                    + kafkaPort + ", but only " + (postgresUp ? postgresPort : kafkaPort) + " answers. Start both"
                    + " (deploy/run-local --infra-only) or free both ports.");
        } else {
            endpoints.createTopics("");
        }
        endpoints.createDatabase(database);
        System.out.printf("devstack: database %s on %s, Kafka %s%n", database, endpoints.jdbcUrl(database),
                endpoints.bootstrapServers());
        if (!Files.exists(root.resolve("deploy/.local/secrets/publicKey.pem"))) {
            System.out.println("devstack: no deploy/.local/secrets/publicKey.pem yet: 'deploy/dev-token ROLE' makes"
                    + " this installation's key pair and prints a token that dev mode accepts");
        }
        System.setProperty(READY_PROPERTY, ready);
    }

    /** The checkout: the first directory up from the working directory that holds {@code deploy/dev-token}. */
    static Path repositoryRoot() {
        String configured = System.getProperty("rapport.root");
        if (configured != null && Files.exists(Path.of(configured, "deploy", "dev-token"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy").resolve("dev-token"))) {
                return dir;
            }
        }
        return null;
    }

    private static String value(ConfigSourceContext context, String name) {
        String value = context.getValue(name).getValue();
        return value == null ? "" : value.trim();
    }

    private static String stripPrefix(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    /** A port on this machine, and the database a URL names; null for another host or no port. */
    record Local(int port, String database) {

        static Local of(String url) {
            try {
                URI uri = URI.create(url.contains(",") ? url.substring(0, url.indexOf(',')) : url);
                String host = uri.getHost();
                if (uri.getPort() <= 0 || !("localhost".equals(host) || "127.0.0.1".equals(host))) {
                    return null;
                }
                String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
                return new Local(uri.getPort(), path);
            } catch (IllegalArgumentException notAUrl) {
                return null;
            }
        }
    }
}
