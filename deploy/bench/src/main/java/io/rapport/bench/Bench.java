package io.rapport.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.rapport.launcher.Suite;

/**
 * {@code deploy/bench/run [--quick]}: starts Rapport as the local suite does (the four jars, prod profile,
 * durable PostgreSQL), measures each scenario with its ceiling beside it in the same run, and writes
 * {@code deploy/bench/results/<date>.md} and {@code .json}.
 */
public final class Bench {

    /** How big and how long: the full run, or a quick one (under five minutes). */
    record Sizes(int pgbenchSeconds, int warmupSeconds, int measureSeconds, int kols, int eventToMetric, int importRows,
            long history) {

        static Sizes of(boolean quick) {
            return quick ? new Sizes(8, 6, 8, 500, 40, 20_000, 100_000)
                    : new Sizes(20, 40, 20, 1000, 200, 100_000, 1_000_000);
        }
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean quick = List.of(args).contains("--quick");
        Sizes sizes = Sizes.of(quick);
        Path root = Path.of(System.getProperty("rapport.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("deploy/bench/.work");
        Report report = new Report();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        report.context("date", stamp);
        report.context("mode", quick ? "quick" : "full");
        report.context("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getTotalMemorySize() / (double) (1L << 30))
                + " GiB RAM, shared by the services, "
                + "PostgreSQL, Kafka and the load generator");
        report.context("services", "the four jars, prod profile, " + String.join(" ", Suite.JVM_OPTIONS));
        long started = System.nanoTime();
        Suite suite = Suite.start(Suite.Options.scratch(root, work).durable(true),
                step -> System.out.println("[bench] " + step));
        try {
            Ceilings ceilings = new Ceilings(suite.devstack().endpoints(), work);
            System.out.println("[bench] loading the ceiling tables");
            ceilings.prepare(root.resolve("deploy/bench/pgbench/schema.sql"));
            Scenarios scenarios = new Scenarios(suite, ceilings, report, sizes, root, work);
            scenarios.setUp();
            scenarios.getKol();
            scenarios.postInteraction();
            scenarios.eventToMetric();
            scenarios.kolImport();
            scenarios.metricsQueries();
            scenarios.memoryAndStart();
        } finally {
            suite.close();
            report.context("duration", Math.round((System.nanoTime() - started) / 1e9) + " s");
            Path results = root.resolve("deploy/bench/results");
            report.write(results.resolve(stamp + (quick ? "-quick" : "") + ".md"),
                    results.resolve(stamp + (quick ? "-quick" : "") + ".json"));
            System.out.println("[bench] results in " + results.resolve(stamp + (quick ? "-quick" : "") + ".md"));
        }
        System.exit(0);
    }
}
