package io.rapport.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.rapport.devstack.DevTokens;

/**
 * {@code deploy/run-local} and {@code deploy/dev-token}.
 *
 * <pre>
 * run   [--fresh] [--no-demo] [--infra-only] [--stop] [--pg-port N] [--kafka-port N]
 * token ROLE [--sub ID] [--ttl HOURS]
 * </pre>
 */
public final class Main {

    /** Who the printed tokens are for: demo users that exist in the MSL directory. */
    static final Map<String, String> DEFAULT_SUBJECTS = Map.of("msl", "msl-anna.schmidt",
            "medical-manager", "mgr-helena.weber", "admin", "admin-1", "reporting", "report-1", "integration", "crm-sync");

    private static final long STARTED = System.nanoTime();

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "run" : arguments.get(0);
        List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        Path root = Path.of(System.getProperty("rapport.root", ".")).toAbsolutePath().normalize();
        try {
            switch (command) {
                case "run" -> run(root, rest);
                case "token" -> token(root, rest);
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(Path root, List<String> args) throws Exception {
        Suite.Options options = Suite.Options.local(root).fresh(args.contains("--fresh"));
        options = options.withPorts(intOption(args, "--pg-port", options.postgresPort()),
                intOption(args, "--kafka-port", options.kafkaPort()), options.ports());
        Path pidFile = options.dataDir().resolve("run-local.pid");
        if (args.contains("--stop")) {
            stop(pidFile);
            return;
        }
        Optional<ProcessHandle> running = running(pidFile);
        if (running.isPresent()) {
            throw new IllegalStateException("already running (pid " + running.get().pid() + "); stop it with "
                    + "deploy/run-local --stop or Ctrl-C in its terminal");
        }
        Files.createDirectories(options.dataDir());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        boolean infraOnly = args.contains("--infra-only");
        Suite suite = infraOnly ? Suite.startInfra(options, Main::step) : Suite.start(options, Main::step);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, then PostgreSQL and Kafka...");
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // the next run checks the pid anyway
            }
        }, "run-local-stop"));
        if (!infraOnly && !args.contains("--no-demo")) {
            DemoData demo = new DemoData(suite, Main::step);
            if (demo.alreadySeeded()) {
                step("reusing the existing data (--fresh starts over)");
            } else {
                step("seeding demo data through the APIs");
                demo.seed();
            }
        }
        printSummary(suite, infraOnly);
        new CountDownLatch(1).await();
    }

    private static void printSummary(Suite suite, boolean infraOnly) {
        var endpoints = suite.devstack().endpoints();
        StringBuilder out = new StringBuilder("\nRapport is running (");
        out.append(String.format("%.1f s", (System.nanoTime() - STARTED) / 1e9)).append(").\n\n");
        if (!infraOnly) {
            for (Service s : Service.values()) {
                out.append(String.format("  %-20s %s/q/swagger-ui%n", s.module(), suite.url(s)));
            }
            out.append(String.format("  %-20s %s/dashboard/?team=oncology-europe%n", "dashboard", suite.url(Service.METRICS)));
        }
        out.append(String.format("  %-20s %s%n", "Kafka", endpoints.bootstrapServers()));
        out.append(String.format("  %-20s %s (user postgres, password postgres; databases kol, interaction, insight, "
                + "metrics)%n", "PostgreSQL", endpoints.jdbcUrl("metrics")));
        out.append(String.format("  %-20s %s%n%nTokens (12 h; more with deploy/dev-token ROLE):%n", "logs",
                suite.options().dataDir().resolve("logs")));
        for (String role : List.of("msl", "medical-manager", "admin", "reporting")) {
            out.append(String.format("  %-16s %s%n", role + " (" + DEFAULT_SUBJECTS.get(role) + ")",
                    suite.token(DEFAULT_SUBJECTS.get(role), role)));
        }
        out.append("\nTry: TOKEN=$(deploy/dev-token reporting); curl -H \"Authorization: $TOKEN\" ")
                .append(infraOnly ? "..." : suite.url(Service.METRICS) + "/api/v1/metrics/summary")
                .append("\nCtrl-C (or deploy/run-local --stop) stops everything; the data stays for the next run.\n");
        System.out.println(out);
    }

    private static void token(Path root, List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("usage: deploy/dev-token ROLE [--sub ID] [--ttl HOURS]; ROLE is one of "
                    + DevTokens.ROLES);
        }
        String role = args.get(0);
        String subject = stringOption(args, "--sub", DEFAULT_SUBJECTS.getOrDefault(role, role + "-1"));
        long hours = intOption(args, "--ttl", 12);
        LocalSecrets secrets = LocalSecrets.in(Suite.Options.local(root).dataDir().resolve("secrets"));
        System.out.println("Bearer " + DevTokens.mint(secrets.signer(), subject, null, Duration.ofHours(hours), role));
    }

    private static void stop(Path pidFile) throws InterruptedException {
        Optional<ProcessHandle> running = running(pidFile);
        if (running.isEmpty()) {
            System.out.println("run-local is not running");
            return;
        }
        System.out.println("Stopping run-local (pid " + running.get().pid() + ")...");
        running.get().destroy();
        running.get().onExit().join();
        System.out.println("Stopped.");
    }

    private static Optional<ProcessHandle> running(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void step(String message) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }

    private static int intOption(List<String> args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, Integer.toString(fallback)));
    }

    private static String stringOption(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(at + 1);
    }
}
