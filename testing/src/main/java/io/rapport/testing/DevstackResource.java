package io.rapport.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.devstack.Devstack;
import io.rapport.devstack.Topics;

/**
 * Gives a module's Quarkus tests a real PostgreSQL database and a real Kafka broker, once per test JVM.
 *
 * <p>
 * When a devstack is already running (advertised by {@code deploy/run-local --infra-only} or
 * {@code devstack start} in {@code deploy/.local/devstack/devstack.properties}, or by the file named in
 * {@code RAPPORT_DEVSTACK_FILE}) it is reused: the tests get a fresh database and their own prefixed topics
 * there, so they neither see nor disturb its data. Otherwise a devstack is started under
 * {@code target/devstack} and stopped when the tests end. Init args: {@code database} (required) and
 * {@code reuse=false} for tests that stop and start PostgreSQL or Kafka themselves.
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {

    private static Devstack owned;
    private static Devstack.Endpoints endpoints;
    private static String database;
    private static String topicPrefix = "";

    private String requestedDatabase;
    private boolean reuseAllowed = true;

    @Override
    public void init(Map<String, String> args) {
        requestedDatabase = args.getOrDefault("database", "app");
        reuseAllowed = !"false".equals(args.get("reuse"));
    }

    @Override
    public Map<String, String> start() {
        Optional<Devstack.Endpoints> running = reuseAllowed ? Devstack.findRunning(advertisedFile()) : Optional.empty();
        if (running.isPresent()) {
            String run = "t" + UUID.randomUUID().toString().substring(0, 8);
            endpoints = running.get();
            database = requestedDatabase + "_" + run;
            topicPrefix = run + ".";
            endpoints.createTopics(topicPrefix);
            System.out.println("DevstackResource: reusing the running devstack at " + endpoints.bootstrapServers()
                    + " with database " + database + " and topic prefix " + topicPrefix);
        } else {
            Path dir = Path.of(System.getProperty("rapport.devstack.dir", "target/devstack"));
            Devstack.wipe(dir);
            long started = System.nanoTime();
            owned = Devstack.start(Devstack.Options.forTests(dir));
            endpoints = owned.endpoints();
            database = requestedDatabase;
            System.out.printf("DevstackResource: started PostgreSQL and Kafka in %d ms (%s)%n",
                    (System.nanoTime() - started) / 1_000_000, dir.toAbsolutePath());
        }
        endpoints.createDatabase(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", endpoints.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", endpoints.jdbcUrl(database));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", endpoints.bootstrapServers());
        if (!topicPrefix.isEmpty()) {
            config.put("rapport.platform.topic-prefix", topicPrefix);
        }
        return config;
    }

    @Override
    public void stop() {
        if (owned != null) {
            owned.close();
            owned = null;
        } else if (endpoints != null) {
            endpoints.dropDatabase(database);
        }
    }

    /** The devstack this JVM started; tests that stop Kafka or PostgreSQL need one of their own. */
    public static Devstack devstack() {
        if (owned == null) {
            throw new IllegalStateException("This test needs its own devstack: declare the resource with reuse=false");
        }
        return owned;
    }

    public static String bootstrapServers() {
        return endpoints.bootstrapServers();
    }

    /** The actual name of a Rapport topic in this test run (prefixed when a running devstack is reused). */
    public static String topic(String name) {
        return topicPrefix + name;
    }

    /** Runs SQL against the module's database (to check what a rejected request did not write, say). */
    public static String sql(String statement) {
        return endpoints.sql(database, statement).trim();
    }

    private static Path advertisedFile() {
        String configured = System.getenv("RAPPORT_DEVSTACK_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String root = System.getProperty("rapport.root", ".");
        return Path.of(root, "deploy", ".local", "devstack", "devstack.properties");
    }

    /** The dead-letter topic of an event topic, as named in this run. */
    public static String deadLetterTopic(String name) {
        return topic(name) + Topics.DLQ_SUFFIX;
    }
}
