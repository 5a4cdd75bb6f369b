package io.rapport.devstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) in a child JVM whose
 * classpath is the broker jars Maven copied to {@code deploy/devstack/target/kafka-lib}.
 */
final class KafkaServer {

    /** Any fixed id works for a single-node cluster; fixed so a restart reuses the formatted storage. */
    private static final String CLUSTER_ID = "cmFwcG9ydC1kZXZzdGFjaw";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    KafkaServer(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    Path log() {
        return dir.resolve("kafka.log");
    }

    void start() {
        try {
            Files.createDirectories(dir);
            Path properties = writeProperties();
            boolean format = !Files.exists(dir.resolve("data").resolve("meta.properties"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", classpath(), KafkaMain.class.getName(), properties.toString(), CLUSTER_ID,
                    String.valueOf(format))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new DevstackException("Cannot start the Kafka broker JVM: " + e.getMessage(), e);
        }
        waitUntilListening();
    }

    void stop() {
        Process running = process;
        process = null;
        Processes.closeAndWait(running, 30);
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    private void waitUntilListening() {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!Processes.portOpen(port)) {
            if (!process.isAlive()) {
                throw new DevstackException("The Kafka broker exited during start (code " + process.exitValue()
                        + "); see " + log() + "\n" + tail());
            }
            if (System.currentTimeMillis() > deadline) {
                stop();
                throw new DevstackException("The Kafka broker did not open port " + port + " within 90 s; see " + log());
            }
            Processes.sleep(100);
        }
    }

    private Path writeProperties() throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                // topics are created explicitly with their retention; a typo must fail, not create a topic
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        return file;
    }

    /** The broker jars, plus the jar or directory holding {@link KafkaMain}. */
    private static String classpath() {
        try {
            Path self = Path.of(KafkaMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + kafkaLib() + java.io.File.separator + "*";
        } catch (URISyntaxException e) {
            throw new DevstackException("Cannot locate the devstack classes", e);
        }
    }

    private static Path kafkaLib() {
        String configured = System.getenv().getOrDefault("RAPPORT_KAFKA_LIB", BuildInfo.property("kafka.lib"));
        Path lib = Path.of(configured);
        if (configured.isBlank() || !Files.isDirectory(lib) || !hasBroker(lib)) {
            throw new DevstackException("The Kafka broker jars were not found in '" + configured + "'. Build the "
                    + "devstack module first ('./mvnw -pl deploy/devstack package'), which copies them there from "
                    + "Maven Central, or set RAPPORT_KAFKA_LIB to a directory holding kafka_2.13 and its dependencies.");
        }
        return lib;
    }

    private static boolean hasBroker(Path lib) {
        try (var files = Files.list(lib)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
