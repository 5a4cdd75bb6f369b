package io.rapport.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A real PostgreSQL and a real Kafka broker for tests and local runs, started on this machine without Docker.
 * Both stop when {@link #close()} is called, when the JVM exits, and (through watchdogs) when the JVM dies.
 */
public final class Devstack implements AutoCloseable {

    /**
     * How to start.
     *
     * @param dir where data and logs go (e.g. {@code target/devstack})
     * @param postgresPort 0 picks a free port
     * @param kafkaPort 0 picks a free port
     * @param durable true keeps PostgreSQL's fsync (local suite, benchmarks); false is for tests
     */
    public record Options(Path dir, int postgresPort, int kafkaPort, boolean durable) {

        public static Options forTests(Path dir) {
            return new Options(dir, 0, 0, false);
        }
    }

    /** The address of a devstack, whether this JVM started it or another one advertised it. */
    public record Endpoints(int postgresPort, String bootstrapServers) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
        }

        public String reactiveUrl(String database) {
            return "postgresql://127.0.0.1:" + postgresPort + "/" + database;
        }

        /** Creates the database unless it exists. */
        public void createDatabase(String name) {
            PostgresServer.createDatabase(postgresPort, name);
        }

        public void dropDatabase(String name) {
            PostgresServer.dropDatabase(postgresPort, name);
        }

        /** Runs SQL as the superuser (e.g. to inspect a table in a test); returns the rows as {@code psql -qAt} would. */
        public String sql(String database, String statement) {
            return PostgresServer.sql(postgresPort, database, statement);
        }

        /** Creates every Rapport topic (and its dead-letter topic), each name prefixed, unless it exists. */
        public void createTopics(String prefix) {
            Topics.create(bootstrapServers, Topics.all(prefix));
        }
    }

    private final Options options;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final Thread shutdownHook = new Thread(this::close, "devstack-shutdown");

    private Devstack(Options given) {
        this.options = new Options(given.dir().toAbsolutePath().normalize(), given.postgresPort(), given.kafkaPort(),
                given.durable());
        int kafkaPort = given.kafkaPort() == 0 ? Processes.freePort() : given.kafkaPort();
        this.postgres = new PostgresServer(options.dir().resolve("postgres"),
                given.postgresPort() == 0 ? Processes.freePort() : given.postgresPort(), given.durable());
        this.kafka = new KafkaServer(options.dir().resolve("kafka"), kafkaPort, Processes.freePort());
    }

    /** Starts PostgreSQL and Kafka side by side and creates Rapport's topics. */
    public static Devstack start(Options options) {
        Devstack devstack = new Devstack(options);
        Runtime.getRuntime().addShutdownHook(devstack.shutdownHook);
        try {
            CompletableFuture<Void> kafka = CompletableFuture.runAsync(devstack.kafka::start);
            devstack.postgres.start();
            kafka.join();
            devstack.endpoints().createTopics("");
            return devstack;
        } catch (RuntimeException e) {
            devstack.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The caller stops the devstack itself (after what runs on it): the JVM's exit no longer stops it
     * concurrently with the caller's own shutdown work. The watchdogs still stop it if the JVM dies.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    public Endpoints endpoints() {
        return new Endpoints(postgres.port(), kafka.bootstrapServers());
    }

    public Path dir() {
        return options.dir();
    }

    /** Which PostgreSQL programs the server runs from. */
    PostgresBinaries.Installation postgresBinaries() {
        return postgres.binaries();
    }

    /** Stops the broker; {@link #startKafka()} brings it back on the same port with the same data. */
    public void stopKafka() {
        kafka.stop();
    }

    public void startKafka() {
        kafka.start();
    }

    /** Stops PostgreSQL; {@link #startPostgres()} brings it back on the same port with the same data. */
    public void stopPostgres() {
        postgres.stop();
    }

    public void startPostgres() {
        postgres.start();
    }

    public boolean kafkaRunning() {
        return kafka.running();
    }

    public List<Path> logs() {
        return List.of(postgres.log(), kafka.log());
    }

    /** Deletes a stopped devstack's data (PostgreSQL's files may belong to the postgres user; root may delete them). */
    public static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new DevstackException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Lets other JVMs (tests, the local suite's tools) find and reuse this devstack. */
    public void advertise(Path file) {
        Properties properties = new Properties();
        properties.setProperty("postgres.port", String.valueOf(postgres.port()));
        properties.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "A running Rapport devstack");
            }
        } catch (IOException e) {
            throw new DevstackException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The devstack advertised in {@code file}, if its owner still runs and both ports answer. */
    public static Optional<Endpoints> findRunning(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid = Long.parseLong(properties.getProperty("pid", "-1"));
        int postgresPort = Integer.parseInt(properties.getProperty("postgres.port", "0"));
        String bootstrap = properties.getProperty("kafka.bootstrap.servers", "");
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        int kafkaPort = bootstrap.isEmpty() ? 0 : Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        if (!alive || !Processes.portOpen(postgresPort) || !Processes.portOpen(kafkaPort)) {
            return Optional.empty();
        }
        return Optional.of(new Endpoints(postgresPort, bootstrap));
    }

    @Override
    public synchronized void close() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down: this call came from the hook itself
        }
    }
}
