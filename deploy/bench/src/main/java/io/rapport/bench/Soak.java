package io.rapport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.rapport.launcher.Service;
import io.rapport.launcher.Suite;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * {@code deploy/bench/soak [minutes]}: mixed load against the suite for a while (10 minutes by default), then
 * three checks: no request failed, each service's resident memory stayed flat (the last sample within 15 % of the
 * first after a two-minute warm-up), and every outbox backlog went back to zero. Exits 1 when one fails.
 */
public final class Soak {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Path.of(System.getProperty("rapport.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("deploy/bench/.soak");
        Suite suite = Suite.start(Suite.Options.scratch(root, work).durable(true),
                step -> System.out.println("[soak] " + step));
        boolean passed;
        try {
            passed = soak(suite, root, work, Duration.ofMinutes(minutes));
        } finally {
            suite.close();
        }
        System.exit(passed ? 0 : 1);
    }

    private static boolean soak(Suite suite, Path root, Path work, Duration duration) throws Exception {
        Scenarios scenarios = new Scenarios(suite, null, new Report(), Bench.Sizes.of(true), root, work);
        scenarios.setUp();
        List<String> kols = scenarios.kols();
        String msl = suite.token(Scenarios.POSTER, "msl");
        String reader = suite.token("soak-reporting", "reporting");
        List<CompletableFuture<LoadGenerator.Result>> loads = List.of(
                load(suite, Service.INTERACTION, 20, duration, () -> new LoadGenerator.Request(HttpMethod.POST,
                        "/api/v1/interactions", msl, Buffer.buffer(scenarios.completed(pick(kols))))),
                load(suite, Service.KOL, 50, duration, () -> new LoadGenerator.Request(HttpMethod.GET,
                        "/api/v1/kols/" + pick(kols), reader, null)),
                load(suite, Service.INSIGHT, 5, duration, () -> new LoadGenerator.Request(HttpMethod.POST,
                        "/api/v1/insights", msl, Buffer.buffer(insight(pick(kols))))),
                load(suite, Service.METRICS, 10, duration, () -> new LoadGenerator.Request(HttpMethod.GET,
                        "/api/v1/metrics/summary?team=" + Scenarios.POST_TEAM + "&from=" + LocalDate.now().minusDays(30)
                                + "&to=" + LocalDate.now(),
                        reader, null)));
        Map<Service, List<Long>> rss = new EnumMap<>(Service.class);
        while (!CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).isDone()) {
            for (Service service : Service.values()) {
                rss.computeIfAbsent(service, s -> new ArrayList<>()).add(suite.service(service).residentBytes() >> 20);
            }
            System.out.println("[soak] RSS MiB " + rss.entrySet().stream().map(e -> e.getKey().module() + " "
                    + e.getValue().get(e.getValue().size() - 1)).toList());
            CompletableFuture.anyOf(CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)),
                    CompletableFuture.runAsync(() -> {
                    }, CompletableFuture.delayedExecutor(30, java.util.concurrent.TimeUnit.SECONDS))).join();
        }
        boolean passed = true;
        for (int i = 0; i < loads.size(); i++) {
            LoadGenerator.Result result = loads.get(i).join();
            System.out.printf("[soak] load %d: %d requests, %d errors, p99 %.1f ms%n", i, result.requests(), result.errors(),
                    result.percentileMillis(99));
            passed &= result.errors() == 0;
        }
        for (var entry : rss.entrySet()) {
            List<Long> samples = entry.getValue();
            long first = samples.get(Math.min(4, samples.size() - 1));
            long last = samples.get(samples.size() - 1);
            boolean flat = last <= first * 1.15;
            System.out.printf("[soak] %s RSS after warm-up %d MiB, at the end %d MiB: %s%n", entry.getKey().module(), first,
                    last, flat ? "flat" : "GROWING");
            passed &= flat;
        }
        for (Service service : List.of(Service.KOL, Service.INTERACTION, Service.INSIGHT)) {
            double backlog = awaitBacklogZero(suite, service);
            System.out.printf("[soak] %s outbox backlog at the end: %.0f%n", service.module(), backlog);
            passed &= backlog == 0;
        }
        System.out.println("[soak] " + (passed ? "PASSED" : "FAILED"));
        return passed;
    }

    private static CompletableFuture<LoadGenerator.Result> load(Suite suite, Service service, double rate, Duration duration,
            Supplier<LoadGenerator.Request> next) {
        return CompletableFuture.supplyAsync(() -> {
            try (LoadGenerator generator = new LoadGenerator("127.0.0.1", suite.service(service).port(), 16)) {
                return generator.open(rate, duration, next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** The service's {@code rapport_outbox_backlog} gauge, once it is zero or after a minute. */
    private static double awaitBacklogZero(Suite suite, Service service) throws Exception {
        double backlog = Double.NaN;
        for (int i = 0; i < 60; i++) {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            backlog = metrics.lines().filter(l -> l.startsWith("rapport_outbox_backlog"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            if (backlog == 0) {
                return 0;
            }
            CompletableFuture.runAsync(() -> {
            }, CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS)).join();
        }
        return backlog;
    }

    private static String pick(List<String> kols) {
        return kols.get(ThreadLocalRandom.current().nextInt(kols.size()));
    }

    private static String insight(String kol) {
        return "{\"kolId\":\"" + kol + "\",\"therapeuticArea\":\"ONCOLOGY\",\"category\":\"UNMET_NEED\",\"title\":"
                + "\"Testing before first line\",\"text\":\"Elderly patients are rarely tested before first line.\","
                + "\"tags\":[\"elderly-patients\"],\"adverseEventMentioned\":false}";
    }
}
