package io.rapport.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code start} runs a devstack in the foreground until Ctrl-C; {@code token} prints a dev token.
 *
 * <pre>
 * java -jar deploy/devstack/target/devstack-*.jar start [--dir D] [--pg-port N] [--kafka-port N] [--durable]
 * java -jar deploy/devstack/target/devstack-*.jar token ROLE [--sub ID] [--team T] [--ttl HOURS]
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage();
        }
        try {
            switch (args[0]) {
                case "start" -> start(List.of(args).subList(1, args.length));
                case "token" -> token(List.of(args).subList(1, args.length));
                default -> usage();
            }
        } catch (DevstackException | IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void start(List<String> args) throws InterruptedException {
        Arguments a = new Arguments(args);
        Path dir = Path.of(a.option("--dir", "deploy/.local/devstack")).toAbsolutePath();
        Devstack.Options options = new Devstack.Options(dir, Integer.parseInt(a.option("--pg-port", "5432")),
                Integer.parseInt(a.option("--kafka-port", "9092")), a.flag("--durable"));
        long started = System.nanoTime();
        Devstack devstack = Devstack.start(options);
        Path stateFile = dir.resolve("devstack.properties");
        devstack.advertise(stateFile);
        Devstack.Endpoints endpoints = devstack.endpoints();
        PostgresBinaries.Installation binaries = devstack.postgresBinaries();
        System.out.printf("devstack up in %d ms%n  PostgreSQL  %s (user postgres)%n              %d from %s%n"
                + "  Kafka       %s%n  data/logs   %s%nCtrl-C stops both.%n", (System.nanoTime() - started) / 1_000_000,
                endpoints.jdbcUrl("postgres"), binaries.majorVersion(), binaries.origin(), endpoints.bootstrapServers(),
                dir);
        new CountDownLatch(1).await();
    }

    private static void token(List<String> args) {
        Arguments a = new Arguments(args);
        if (a.positional().size() != 1) {
            throw new IllegalArgumentException("usage: token ROLE [--sub ID] [--team T] [--ttl HOURS]; ROLE is one of "
                    + DevTokens.ROLES);
        }
        String role = a.positional().get(0);
        String subject = a.option("--sub", "dev-" + role);
        Duration ttl = Duration.ofMinutes(Math.round(Double.parseDouble(a.option("--ttl", "8")) * 60));
        System.out.println(DevTokens.mint(subject, a.option("--team", null), ttl, role.split(",")));
    }

    private static void usage() {
        System.err.println("usage: start [--dir D] [--pg-port N] [--kafka-port N] [--durable]\n"
                + "       token ROLE [--sub ID] [--team T] [--ttl HOURS]");
        System.exit(2);
    }

    /** Minimal {@code --name value} parsing. */
    private static final class Arguments {
        private final List<String> args;

        Arguments(List<String> args) {
            this.args = args;
        }

        String option(String name, String fallback) {
            int i = args.indexOf(name);
            if (i < 0) {
                return fallback;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i + 1);
        }

        boolean flag(String name) {
            return args.contains(name);
        }

        List<String> positional() {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).startsWith("--")) {
                    i += args.get(i).equals("--durable") ? 0 : 1;
                } else {
                    result.add(args.get(i));
                }
            }
            return result;
        }
    }
}
