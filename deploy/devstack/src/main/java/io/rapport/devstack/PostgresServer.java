package io.rapport.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the machine's binaries (Debian's {@code postgresql} package), with its data
 * under the devstack directory. As root, initdb and the server run as the {@code postgres} user, because
 * PostgreSQL refuses to run as root.
 */
final class PostgresServer {

    static final int MIN_VERSION = 15;
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dir;
    private final int port;
    private final boolean durable;
    private final Path bin;
    private Process watchdog;

    PostgresServer(Path dir, int port, boolean durable) {
        this.dir = reachableByServer(dir);
        this.port = port;
        this.durable = durable;
        this.bin = findBinaries();
    }

    int port() {
        return port;
    }

    Path log() {
        return dir.resolve("postgres.log");
    }

    void start() {
        initIfNeeded();
        stopLeftover();
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-k", dir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"));
        if (!durable) {
            // tests only: durability buys nothing for throw-away data and costs time on every commit
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        Processes.run(asOwner(bin("pg_ctl"), "-D", data().toString(), "-l", log().toString(), "-w", "-t", "60",
                "start", "-o", String.join(" ", options)), null, 90);
        watchdog = startWatchdog();
    }

    void stop() {
        Process process = watchdog;
        watchdog = null;
        Processes.closeAndWait(process, 60);
    }

    boolean running() {
        return watchdog != null && watchdog.isAlive();
    }

    static void createDatabase(int port, String name) {
        requireValidName(name);
        String exists = psql(port, "postgres", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").trim();
        if (exists.isEmpty()) {
            psql(port, "postgres", "CREATE DATABASE " + name);
        }
    }

    static void dropDatabase(int port, String name) {
        requireValidName(name);
        psql(port, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs SQL as the superuser through psql; returns its unaligned, tuples-only output. */
    static String psql(int port, String database, String sql) {
        return Processes.run(List.of(findBinaries().resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql),
                null, 60);
    }

    private void initIfNeeded() {
        if (Files.exists(data().resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            if (Processes.runningAsRoot()) {
                Processes.run(List.of("chown", "postgres:", dir.toString()), null, 30);
            }
        } catch (IOException e) {
            throw new DevstackException("Cannot create the PostgreSQL directory " + dir + ": " + e.getMessage(), e);
        }
        Processes.run(asOwner(bin("initdb"), "-D", data().toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), dir.resolve("initdb.log"), 120);
    }

    /** A server left behind by a killed run would hold the data directory: stop it first. */
    private void stopLeftover() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                Processes.run(asOwner(bin("pg_ctl"), "-D", data().toString(), "-m", "immediate", "-w", "stop"), null, 60);
            } catch (DevstackException ignored) {
                // stale pid file without a server: pg_ctl start copes with it
            }
        }
    }

    /**
     * A shell that waits for its stdin to close, then stops the server. Our JVM holds the other end, so the
     * server stops when {@link #stop()} closes it, and also when the JVM dies without running its hooks.
     */
    private Process startWatchdog() {
        List<String> stop = asOwner(bin("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop");
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                // ignore the Ctrl-C / kill sent to the whole process group: only our closed pipe stops it
                "trap '' INT TERM HUP; cat >/dev/null; exec \"$@\" >/dev/null 2>&1",
                "postgres-watchdog"));
        command.addAll(stop);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new DevstackException("Cannot start the PostgreSQL watchdog: " + e.getMessage(), e);
        }
    }

    /**
     * As root the server runs as {@code postgres}, which must be able to reach its directory. A checkout under
     * a private home (e.g. {@code /root}) is not reachable, so the data then lives under the system temp dir.
     */
    private static Path reachableByServer(Path preferred) {
        if (!Processes.runningAsRoot()) {
            return preferred;
        }
        Path parent = preferred.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Processes.run(List.of("runuser", "-u", "postgres", "--", "test", "-x", parent.toString()), null, 30);
            return preferred;
        } catch (DevstackException | IOException e) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"),
                    "rapport-pg-" + Integer.toHexString(preferred.toAbsolutePath().toString().hashCode()));
            System.err.println("devstack: " + parent + " is not reachable by the postgres user; PostgreSQL data goes to "
                    + fallback);
            return fallback;
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String bin(String name) {
        return bin.resolve(name).toString();
    }

    private static List<String> asOwner(String... command) {
        List<String> full = new ArrayList<>();
        if (Processes.runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    /** {@code RAPPORT_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} with N >= 15. */
    static Path findBinaries() {
        String configured = System.getenv("RAPPORT_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return checked(Path.of(configured));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                        .orElse(null);
                if (newest != null && Integer.parseInt(newest.getFileName().toString()) >= MIN_VERSION) {
                    return checked(newest.resolve("bin"));
                }
            } catch (IOException ignored) {
                // fall through to the explanation below
            }
        }
        throw new DevstackException("PostgreSQL " + MIN_VERSION + " or newer server binaries were not found "
                + "(looked in /usr/lib/postgresql/*/bin and $RAPPORT_PG_BIN). Install them with "
                + "'apt-get update && apt-get install -y postgresql' (Debian/Ubuntu), or point RAPPORT_PG_BIN "
                + "at the directory that holds initdb, pg_ctl and psql.");
    }

    private static Path checked(Path bin) {
        for (String tool : List.of("initdb", "pg_ctl", "psql")) {
            if (!Files.isExecutable(bin.resolve(tool))) {
                throw new DevstackException(bin.resolve(tool) + " is missing: install the full PostgreSQL server "
                        + "package ('apt-get install -y postgresql'), not only the client.");
            }
        }
        if (Processes.runningAsRoot() && !userExists("postgres")) {
            throw new DevstackException("Running as root, PostgreSQL must run as the 'postgres' user, which does "
                    + "not exist. Create it ('useradd --system postgres') or install Debian's postgresql package.");
        }
        return bin;
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }
}
