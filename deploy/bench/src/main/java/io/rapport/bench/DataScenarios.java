package io.rapport.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.bench.Report.Reading;
import io.rapport.launcher.Api;
import io.rapport.launcher.DemoPeople;
import io.rapport.launcher.Service;
import io.rapport.launcher.ServiceProcess;
import io.rapport.launcher.Suite;
import io.vertx.core.http.HttpMethod;

/** The data-volume scenarios: the KOL import, the metrics queries at 10k and 1M interactions, memory and start. */
class DataScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Suite suite;
    final Ceilings ceilings;
    final Report report;
    final Bench.Sizes sizes;
    final Path root;
    final Path work;
    final Api api = new Api();
    final String admin;

    DataScenarios(Suite suite, Ceilings ceilings, Report report, Bench.Sizes sizes, Path root, Path work) {
        this.suite = suite;
        this.ceilings = ceilings;
        this.report = report;
        this.sizes = sizes;
        this.root = root;
        this.work = work;
        this.admin = suite.token("bench-admin", "admin");
    }

    /** POST /kols/import of 100,000 NDJSON rows against COPY of the same lines into a bare table. */
    void kolImport() throws IOException {
        Path file = ndjson(sizes.importRows(), 1_000_000);
        long start = System.nanoTime();
        List<String> created = postImport(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        double copy = ceilings.copySeconds(file);
        double rate = sizes.importRows() / seconds;
        report.add(Reading.of("KOL import (NDJSON, " + sizes.importRows() + " rows)", "rows/s", rate, "rows/s")
                .against(sizes.importRows() / copy, "COPY into a bare jsonb table")
                .target("≥ 5000 rows/s", rate >= 5000 && created.size() == sizes.importRows()));
    }

    /** The metrics summary and a per-MSL series at 10k and at 1M interactions (loaded as events into Kafka). */
    void metricsQueries() throws Exception {
        HistoryLoader loader = new HistoryLoader(suite.devstack().endpoints().bootstrapServers());
        double[] small = queriesAt(loader, 10_000);
        double[] large = queriesAt(loader, sizes.history());
        String big = sizes.history() / 1000 + "k";
        report.add(Reading.of("metrics summary (team, quarter)", "p99 at " + big, large[0], "ms")
                .against(small[0], "the same at 10k")
                .target("≤ 20 ms, ratio ≤ 2", large[0] <= 20 && large[0] / small[0] <= 2));
        report.add(Reading.of("metrics series (MSL, year by week)", "p99 at " + big, large[1], "ms")
                .against(small[1], "the same at 10k")
                .target("≤ 20 ms, ratio ≤ 2", large[1] <= 20 && large[1] / small[1] <= 2));
    }

    private double[] queriesAt(HistoryLoader loader, long total) throws Exception {
        long start = System.nanoTime();
        loader.load(total - loader.written());
        double produced = (System.nanoTime() - start) / 1e9;
        awaitSql(Service.METRICS, "SELECT coalesce(sum(value), 0) FROM metrics.rollup_team WHERE team LIKE 'bench-team-%' "
                + "AND metric = 'interactions.completed'", total);
        double projected = (System.nanoTime() - start) / 1e9;
        report.note(String.format("History of %d interactions: written to Kafka in %.1f s, all in the roll-ups after %.1f s "
                + "(checked: the roll-ups count exactly %d).", total, produced, projected, total));
        String reporting = suite.token("bench-reporting", "reporting");
        String summary = "/api/v1/metrics/summary?team=" + HistoryLoader.team(3) + "&from=2026-09-01&to=2026-11-30";
        String series = "/api/v1/metrics/msls/" + HistoryLoader.msl(23) + "?from=2025-12-01&to=2026-11-30&granularity=week";
        double[] p99 = new double[2];
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", suite.service(Service.METRICS).port(), 8)) {
            int i = 0;
            for (String path : List.of(summary, series)) {
                LoadGenerator.Request request = new LoadGenerator.Request(HttpMethod.GET, path, reporting, null);
                load.closed(4, Duration.ofSeconds(Math.max(3, sizes.warmupSeconds() / 2)), () -> request);
                LoadGenerator.Result result = load.closed(4, Duration.ofSeconds(sizes.measureSeconds()), () -> request);
                if (result.errors() > 0) {
                    throw new IllegalStateException(path + " failed " + result.errors() + " times");
                }
                p99[i++] = result.percentileMillis(99);
                report.add(Reading.of(i == 1 ? "metrics summary (team, quarter)" : "metrics series (MSL, year by week)",
                        "p50 / req/s at " + total / 1000 + "k", result.percentileMillis(50), "ms")
                        .target(String.format("%.0f req/s", result.throughput()), null));
            }
        }
        return p99;
    }

    /** Resident memory after the load, then start-to-ready of each service alone, beside a minimal Quarkus app. */
    void memoryAndStart() throws Exception {
        for (Service service : Service.values()) {
            ServiceProcess process = suite.service(service);
            report.add(Reading.of("memory after the load", service.module(), process.residentBytes() / 1048576.0, "MiB")
                    .target("≤ 250 MiB", process.residentBytes() <= 250L * 1048576));
        }
        double[] minimal = minimalApp();
        for (Service service : Service.values()) {
            ServiceProcess process = suite.service(service);
            process.stop();
            long start = System.nanoTime();
            process.start();
            process.awaitReady(Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add(Reading.of("start to ready", service.module(), seconds, "s")
                    .against(minimal[0], "minimal Quarkus app")
                    .target("≤ 1.5 × minimal and ≤ 3 s", seconds <= 3 && seconds <= 1.5 * minimal[0]));
        }
        report.add(Reading.of("memory after the load", "minimal Quarkus app", minimal[1], "MiB"));
    }

    /** Starts the minimal app (same JVM options, its own database), loads it a little: [seconds to ready, RSS MiB]. */
    private double[] minimalApp() throws Exception {
        Path jar = root.resolve("deploy/bench/minimal-app/target/quarkus-app/quarkus-run.jar");
        var endpoints = suite.devstack().endpoints();
        endpoints.createDatabase("minimal");
        int port = 18090;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Suite.JVM_OPTIONS);
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=" + endpoints.reactiveUrl("minimal"),
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres", "-jar", jar.toString()));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("minimal-app.log").toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (!app.isAlive()) {
                    throw new IllegalStateException("The minimal app exited; see " + work.resolve("minimal-app.log"));
                }
                Thread.sleep(50);
            }
            double ready = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < 2000; i++) {
                String id = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/notes"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"n\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body()).path("id").asText();
                http.send(HttpRequest.newBuilder(URI.create(base + "/notes/" + id)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return new double[] { ready, rss / 1048576.0 };
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Imports {@code count} generated KOLs (numbered from {@code first}); returns the ids created. */
    List<String> importKols(int count, int first, String label) {
        try {
            return postImport(ndjson(count, first));
        } catch (IOException e) {
            throw new IllegalStateException("Import of " + label + " KOLs failed", e);
        }
    }

    private List<String> postImport(Path file) throws IOException {
        try {
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(suite.url(Service.KOL) + "/api/v1/kols/import")).header("Authorization", admin)
                    .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(15))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Import answered " + response.statusCode());
            }
            List<String> created = new ArrayList<>();
            response.body().forEach(line -> {
                JsonNode row = read(line);
                if ("CREATED".equals(row.path("outcome").asText())) {
                    created.add(row.path("kolId").asText());
                } else if (!"UPDATED".equals(row.path("outcome").asText())
                        && !"UNCHANGED".equals(row.path("outcome").asText())) {
                    throw new IllegalStateException("Import row refused: " + line);
                }
            });
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** NDJSON of KOL profiles with distinct valid identifiers and CRM ids. */
    private Path ndjson(int count, int first) throws IOException {
        Path file = work.resolve("kols-" + first + "-" + count + ".ndjson");
        Random random = new Random(first);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                long n = first + i;
                Map<String, Object> profile = DemoPeople.kol(random, (int) n, i % 5 == 0 ? "US" : "DE", "ONCOLOGY", 1 + i % 4);
                profile.put("identifiers", Map.of("npi", DemoPeople.npi(n), "orcid", DemoPeople.orcid(n),
                        "external", List.of(Map.of("system", "veeva", "id", "bench-" + n))));
                out.write(JSON.writeValueAsString(profile));
                out.write('\n');
            }
        }
        return file;
    }

    /** Waits until a query on a service's database returns {@code expected}; more than that is an error. */
    void awaitSql(Service service, String sql, long expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        long value = -1;
        while (System.nanoTime() < deadline) {
            String out = suite.devstack().endpoints().sql(service.database(), sql).trim();
            value = out.isEmpty() ? 0 : Long.parseLong(out);
            if (value >= expected) {
                if (value > expected) {
                    throw new IllegalStateException(sql + " gave " + value + ", more than the " + expected + " expected");
                }
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(sql + " stayed at " + value + " (expected " + expected + ")");
    }

    static JsonNode body(String json) {
        return read(json);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
