package io.rapport.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.postgresql.Driver;

/**
 * A real PostgreSQL server, from the programs {@link PostgresBinaries} finds (Maven Central's, else Debian's), with
 * its data under the devstack directory. As root, initdb and the server run as the {@link ServerAccount}, because
 * PostgreSQL refuses to run as root.
 */
final class PostgresServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dir;
    private final int port;
    private final boolean durable;
    private final PostgresBinaries.Installation binaries;
    private Process watchdog;

    PostgresServer(Path dir, int port, boolean durable) {
        this.binaries = PostgresBinaries.locate();
        this.dir = reachableByServer(dir);
        this.port = port;
        this.durable = durable;
    }

    PostgresBinaries.Installation binaries() {
        return binaries;
    }

    int port() {
        return port;
    }

    Path log() {
        return dir.resolve("postgres.log");
    }

    void start() {
        stopLeftover();
        setAsideDataOfAnotherVersion();
        initIfNeeded();
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-k", dir.toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"));
        if (!durable) {
            // tests only: durability buys nothing for throw-away data and costs time on every commit
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        Processes.run(asOwner(binaries.program("pg_ctl"), "-D", data().toString(), "-l", log().toString(), "-w",
                "-t", "60", "start", "-o", String.join(" ", options)), null, 90);
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
        String exists = sql(port, "postgres", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").trim();
        if (exists.isEmpty()) {
            sql(port, "postgres", "CREATE DATABASE " + name);
        }
    }

    static void dropDatabase(int port, String name) {
        requireValidName(name);
        sql(port, "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /**
     * Runs SQL as the superuser, over JDBC (the Maven bundle has no psql), and returns the rows of every result as
     * {@code psql -qAt} prints them: one line per row, columns between '|', NULL as nothing. Several statements in
     * one string run in one implicit transaction, as they do in psql.
     */
    static String sql(int port, String database, String sql) {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("sslmode", "disable");
        login.setProperty("connectTimeout", "10");
        login.setProperty("socketTimeout", "60");
        login.setProperty("ApplicationName", "devstack");
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        // the driver itself, not DriverManager, which hides drivers loaded by another class loader (Quarkus tests)
        try (Connection connection = new Driver().connect(url, login);
                Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            StringBuilder rows = new StringBuilder();
            // JDBC's walk over the results of several statements: a result set, or an update count, until -1
            boolean isQuery = statement.execute(sql);
            while (isQuery || statement.getUpdateCount() != -1) {
                if (isQuery) {
                    try (ResultSet result = statement.getResultSet()) {
                        appendUnaligned(result, rows);
                    }
                }
                isQuery = statement.getMoreResults();
            }
            return rows.toString();
        } catch (SQLException e) {
            throw new DevstackException("SQL failed in database " + database + " on port " + port + ": "
                    + e.getMessage() + "\n" + sql, e);
        }
    }

    private static void appendUnaligned(ResultSet result, StringBuilder rows) throws SQLException {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
            for (int column = 1; column <= columns; column++) {
                String value = result.getString(column);
                rows.append(column > 1 ? "|" : "").append(value == null ? "" : value);
            }
            rows.append('\n');
        }
    }

    /** A server left behind by a killed run would hold the data directory: stop it first. */
    private void stopLeftover() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                Processes.run(asOwner(binaries.program("pg_ctl"), "-D", data().toString(), "-m", "immediate", "-w",
                        "stop"), null, 60);
            } catch (DevstackException ignored) {
                // stale pid file without a server: pg_ctl start copes with it
            }
        }
    }

    /**
     * Data made by another major version (e.g. Debian's 15, before the devstack took Maven's 17) cannot start: it
     * is kept beside, and the server starts with new data.
     */
    private void setAsideDataOfAnotherVersion() {
        Path versionFile = data().resolve("PG_VERSION");
        try {
            if (!Files.exists(versionFile)) {
                return;
            }
            String made = Files.readString(versionFile).trim();
            if (made.equals(String.valueOf(binaries.majorVersion()))) {
                return;
            }
            Path aside = dir.resolve("data-pg" + made + "-" + System.currentTimeMillis());
            Files.move(data(), aside);
            System.err.println("devstack: " + data() + " holds PostgreSQL " + made + " data, and the server is "
                    + binaries.majorVersion() + ": moved it to " + aside + " and starting with new data");
        } catch (IOException e) {
            throw new DevstackException("Cannot set aside " + data() + " (PostgreSQL data of another version): "
                    + e.getMessage(), e);
        }
    }

    private void initIfNeeded() {
        if (Files.exists(data().resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DevstackException("Cannot create the PostgreSQL directory " + dir + ": " + e.getMessage(), e);
        }
        ServerAccount.own(dir);
        Processes.run(asOwner(binaries.program("initdb"), "-D", data().toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), dir.resolve("initdb.log"), 120);
    }

    /**
     * A shell that waits for its stdin to close, then stops the server. Our JVM holds the other end, so the
     * server stops when {@link #stop()} closes it, and also when the JVM dies without running its hooks.
     */
    private Process startWatchdog() {
        List<String> stop = asOwner(binaries.program("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w", "-t",
                "60", "stop");
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
     * As root the server runs as the {@link ServerAccount}, which must be able to reach its directory. A checkout
     * under a private home (e.g. {@code /root}) is not reachable, so the data then lives under the system temp dir.
     */
    private static Path reachableByServer(Path preferred) {
        if (!Processes.runningAsRoot()) {
            return preferred;
        }
        Path parent = preferred.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            if (ServerAccount.canReach(parent)) {
                return preferred;
            }
        } catch (IOException e) {
            // not even creatable: the fallback below
        }
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"),
                "rapport-pg-" + Integer.toHexString(preferred.toAbsolutePath().toString().hashCode()));
        System.err.println("devstack: " + parent + " is not reachable by the " + ServerAccount.NAME
                + " account; PostgreSQL data goes to " + fallback);
        return fallback;
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static List<String> asOwner(String... command) {
        return ServerAccount.run(List.of(command));
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }
}
