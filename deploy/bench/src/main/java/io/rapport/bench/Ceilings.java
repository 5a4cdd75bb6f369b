package io.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import io.rapport.devstack.Devstack;

/** What the same PostgreSQL and Kafka can do bare, measured in the same run: the denominators of the ratios. */
final class Ceilings {

    /** A pgbench result: transactions per second and per-transaction latency in microseconds. */
    record PgBench(double tps, Histogram latency) {
    }

    private static final Path PG_BIN = postgresBin();
    private final Devstack.Endpoints endpoints;
    private final Path work;

    Ceilings(Devstack.Endpoints endpoints, Path work) {
        this.endpoints = endpoints;
        this.work = work;
    }

    /** The ceiling database with its bare tables (100,000 KOL rows of about 2 KB). */
    void prepare(Path schema) {
        endpoints.createDatabase("ceiling");
        run(List.of(PG_BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(endpoints.postgresPort()),
                "-U", "postgres", "-d", "ceiling", "-q", "-v", "ON_ERROR_STOP=1", "-f", schema.toString()), 600);
    }

    /** pgbench with the script, {@code clients} connections, for {@code seconds}; latency from its per-transaction log. */
    PgBench pgbench(Path script, int clients, int seconds) {
        Path logs = work.resolve("pgbench-" + script.getFileName() + "-" + System.nanoTime());
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        psql("ceiling", "CHECKPOINT");
        String out = run(List.of(PG_BIN.resolve("pgbench").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(endpoints.postgresPort()), "-U", "postgres", "-n", "-M", "prepared", "-f", script.toString(),
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-l",
                "--log-prefix=" + logs.resolve("log"), "ceiling"), seconds + 120);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        Histogram latency = new Histogram(60_000_000L, 3);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    latency.recordValue(Math.max(1, Long.parseLong(fields[2])));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new PgBench(Double.parseDouble(tps.group(1)), latency);
    }

    /** Seconds to COPY the NDJSON file's lines into a bare jsonb table. */
    double copySeconds(Path ndjson) {
        psql("ceiling", "TRUNCATE bare_import");
        long start = System.nanoTime();
        run(List.of(PG_BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(endpoints.postgresPort()),
                "-U", "postgres", "-d", "ceiling", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy bare_import (doc) FROM '" + ndjson + "' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"), 600);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Kafka's EndToEndLatency on the same broker: produce then consume one message at a time (ms percentiles). */
    double[] kafkaEndToEnd(int messages, Path classpathDir) {
        String classpath = classpathDir.resolve("*").toString();
        String out = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.apache.kafka.tools.EndToEndLatency", endpoints.bootstrapServers(), "bench.end-to-end-latency",
                Integer.toString(messages), "1", "500"), 600);
        Matcher m = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        return new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)) };
    }

    String psql(String database, String sql) {
        return endpoints.sql(database, sql);
    }

    static String run(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("bench", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            String text = Files.readString(out);
            Files.deleteIfExists(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path postgresBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            List<Path> found = new ArrayList<>(
                    versions.map(v -> v.resolve("bin")).filter(b -> Files.exists(b.resolve("pgbench")))
                            .sorted().toList());
            if (found.isEmpty()) {
                throw new IllegalStateException("pgbench not found under /usr/lib/postgresql");
            }
            return found.get(found.size() - 1);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL binaries not found", e);
        }
    }
}
