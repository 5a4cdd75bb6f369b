package io.rapport.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;

import io.rapport.bench.Report.Reading;
import io.rapport.launcher.Api;
import io.rapport.launcher.Service;
import io.rapport.launcher.Suite;
import io.rapport.testing.SseClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** The request-path and event-path scenarios; {@link DataScenarios} the data-volume ones. */
final class Scenarios extends DataScenarios {

    static final String POSTER = "bench-poster";
    static final String POST_TEAM = "bench-post";

    private final List<String> kols = new ArrayList<>();

    Scenarios(Suite suite, Ceilings ceilings, Report report, Bench.Sizes sizes, Path root, Path work) {
        super(suite, ceilings, report, sizes, root, work);
    }

    /** Reference data, the posting MSL in the directory, and KOLs (imported) that every service has replicated. */
    void setUp() {
        String kol = suite.url(Service.KOL);
        api.expect(api.put(kol + "/api/v1/therapeutic-areas/ONCOLOGY", admin, Map.of("name", "Oncology")), 200, 201);
        api.expect(api.put(kol + "/api/v1/products/ONC-101", admin, Map.of("name", "Demo ONC-101",
                "therapeuticArea", "ONCOLOGY", "markets", List.of("DE", "US"))), 200, 201);
        for (String topic : io.rapport.launcher.DemoPeople.researchTopics()) {
            api.expect(api.put(kol + "/api/v1/research-topics/" + topic, admin,
                    Map.of("name", io.rapport.launcher.DemoPeople.topicName(topic))), 200, 201);
        }
        api.expect(api.put(kol + "/api/v1/msls/" + POSTER, admin, Map.of("displayName", "Bench Poster", "team", POST_TEAM,
                "manager", "bench-manager", "therapeuticAreas", List.of("ONCOLOGY"), "timeZone", "Europe/Berlin")), 200, 201);
        kols.addAll(importKols(sizes.kols(), 0, "setup"));
        System.out.println("[bench] " + kols.size() + " KOLs imported; waiting for the replicas");
        awaitSql(Service.INTERACTION, "SELECT count(*) FROM replica WHERE kind = 'kol'", kols.size());
        awaitSql(Service.INTERACTION, "SELECT count(*) FROM replica WHERE kind = 'msl'", 1);
    }

    /** GET /kols/{id} against pgbench selecting a KOL row by primary key. */
    void getKol() throws InterruptedException {
        Ceilings.PgBench ceiling = ceilings.pgbench(root.resolve("deploy/bench/pgbench/select.sql"), 8, sizes.pgbenchSeconds());
        httpScenario("GET KOL by id", Service.KOL, new Goal(ceiling, "pgbench select by primary key", 0.5, null),
                () -> new LoadGenerator.Request(
                        HttpMethod.GET, "/api/v1/kols/" + kols.get(ThreadLocalRandom.current().nextInt(kols.size())), admin,
                        null));
        report.note("GET KOL: " + kols.size() + " KOLs in kol-service; pgbench reads 100,000 rows of about 2 KB.");
    }

    /** POST /interactions (a planned meeting with a replicated KOL) against pgbench inserting the row and its outbox row. */
    void postInteraction() throws InterruptedException {
        Ceilings.PgBench ceiling = ceilings.pgbench(root.resolve("deploy/bench/pgbench/insert.sql"), 8, sizes.pgbenchSeconds());
        String token = suite.token(POSTER, "msl");
        httpScenario("POST interaction", Service.INTERACTION, new Goal(ceiling, "pgbench insert row + outbox row", 0.5, 50.0),
                () -> new LoadGenerator.Request(HttpMethod.POST, "/api/v1/interactions", token, Buffer.buffer(planned(
                        kols.get(ThreadLocalRandom.current().nextInt(kols.size()))))));
    }

    /**
     * What an HTTP scenario is measured against: a pgbench ceiling (and what it runs), the share of the ceiling's
     * throughput Rapport must reach, and the p99 latency it must keep at the target rate (null for none).
     */
    private record Goal(Ceilings.PgBench ceiling, String source, double share, Double p99Millis) {

        /** The target rate: the share of the ceiling, or half of what Rapport sustained when that is lower. */
        double rate(LoadGenerator.Result saturated) {
            return Math.min(share * ceiling.tps(), 0.5 * saturated.throughput());
        }

        Reading throughput(String name, LoadGenerator.Result saturated) {
            return Reading.of(name, "throughput (16 in flight)", saturated.throughput(), "req/s")
                    .against(ceiling.tps(), source)
                    .target("≥ " + share + " × ceiling", saturated.throughput() >= share * ceiling.tps()
                            && saturated.errors() == 0);
        }

        Reading p99(String name, String at, LoadGenerator.Result open) {
            Reading p99 = Reading.of(name, "p99 " + at, open.percentileMillis(99), "ms");
            return p99Millis == null ? p99
                    : p99.target("≤ " + p99Millis.intValue() + " ms",
                            open.percentileMillis(99) <= p99Millis && open.errors() == 0);
        }
    }

    /**
     * The ceiling's throughput, then Rapport's: warm-up, saturation (closed model, 16 in flight), then the target
     * rate (a share of the ceiling, or half the saturation throughput when that is lower) in the open model, whose
     * latencies count from each request's due time.
     */
    private void httpScenario(String name, Service service, Goal goal,
            java.util.function.Supplier<LoadGenerator.Request> next) throws InterruptedException {
        report.add(Reading.of(name, "ceiling p99", goal.ceiling().latency().getValueAtPercentile(99) / 1000.0, "ms"));
        try (LoadGenerator load = new LoadGenerator("127.0.0.1", suite.service(service).port(), 64)) {
            System.out.println("[bench] " + name + ": warming up");
            load.closed(16, Duration.ofSeconds(sizes.warmupSeconds()), next);
            LoadGenerator.Result saturated = load.closed(16, Duration.ofSeconds(sizes.measureSeconds()), next);
            report.add(goal.throughput(name, saturated));
            // Latency at the target rate when Rapport sustains it; otherwise at half of what it sustained (a rate
            // beyond saturation only measures the queue).
            double rate = goal.rate(saturated);
            LoadGenerator.Result open = load.open(rate, Duration.ofSeconds(sizes.measureSeconds()), next);
            String at = String.format("at %.0f req/s", rate);
            report.add(Reading.of(name, "p50 " + at, open.percentileMillis(50), "ms"));
            report.add(goal.p99(name, at, open));
            report.add(Reading.of(name, "p99.9 " + at, open.percentileMillis(99.9), "ms"));
            report.add(Reading.of(name, "errors", saturated.errors() + open.errors(), "")
                    .target("0", saturated.errors() + open.errors() == 0));
        }
    }

    /** A meeting completed through the API, until the metrics stream says the summary changed. */
    void eventToMetric() throws Exception {
        double[] kafka = ceilings.kafkaEndToEnd(sizes.eventToMetric() * 50, root.resolve("deploy/bench/target/lib"));
        String token = suite.token(POSTER, "msl");
        Histogram latency = new Histogram(60_000_000L, 3);
        URI stream = URI.create(suite.url(Service.METRICS) + "/api/v1/metrics/stream?team=" + POST_TEAM);
        try (SseClient live = new SseClient(stream, suite.token("bench-reporting", "reporting"), null)) {
            long last = Long.parseLong(live.await("ready").id());
            for (int i = 0; i < sizes.eventToMetric() + 10; i++) {
                String body = completed(kols.get(i % kols.size()));
                Api.Reply reply = api.send("POST", suite.url(Service.INTERACTION) + "/api/v1/interactions", token, body(body),
                        Map.of());
                long committed = System.nanoTime();
                api.expect(reply, 201);
                long seen = last;
                SseClient.Message changed = live.await(m -> m.name().equals("metrics-changed") && Long.parseLong(m.id()) > seen,
                        Duration.ofSeconds(30));
                last = Long.parseLong(changed.id());
                if (i >= 10) {
                    latency.recordValue(Math.max(1, (System.nanoTime() - committed) / 1000));
                }
                Thread.sleep(300);
            }
        }
        String name = "event to metric visible";
        report.add(Reading.of(name, "p50", latency.getValueAtPercentile(50) / 1000.0, "ms")
                .against(kafka[0], "Kafka EndToEndLatency p50")
                .target("≤ 20 ms", latency.getValueAtPercentile(50) / 1000.0 <= 20));
        report.add(Reading.of(name, "p99", latency.getValueAtPercentile(99) / 1000.0, "ms")
                .against(kafka[1], "Kafka EndToEndLatency p99")
                .target("≤ 100 ms", latency.getValueAtPercentile(99) / 1000.0 <= 100));
        report.note("Event to metric: from the 201 of POST /interactions (COMPLETED) to the metrics-changed event of the "
                + "stream: outbox relay, Kafka, the metrics projection transaction, NOTIFY, SSE; " + sizes.eventToMetric()
                + " meetings one at a time.");
    }

    private String planned(String kolId) {
        return "{\"kolId\":\"" + kolId + "\",\"channel\":\"IN_PERSON\",\"kind\":\"ONE_TO_ONE\",\"objective\":"
                + "\"Discuss the phase III results and the KOL's practice\",\"therapeuticArea\":\"ONCOLOGY\","
                + "\"products\":[\"ONC-101\"],\"plannedStart\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\","
                + "\"durationMinutes\":30}";
    }

    /** The KOLs set up, replicated by every service. */
    List<String> kols() {
        return List.copyOf(kols);
    }

    String completed(String kolId) {
        return "{\"kolId\":\"" + kolId + "\",\"channel\":\"VIDEO\",\"kind\":\"ONE_TO_ONE\",\"objective\":"
                + "\"Discuss the phase III results and the KOL's practice\",\"therapeuticArea\":\"ONCOLOGY\","
                + "\"status\":\"COMPLETED\",\"occurredAt\":\"" + Instant.now().minus(Duration.ofMinutes(30)) + "\","
                + "\"durationMinutes\":30,\"disclosureMade\":true,\"outcome\":\"Walked through the data\","
                + "\"feedbackScore\":" + (1 + new Random().nextInt(5)) + ",\"adverseEventMentioned\":false,"
                + "\"productComplaintMentioned\":false}";
    }
}
