package io.rapport.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevstackTest {

    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);

    private static Devstack devstack;

    @BeforeAll
    static void start() {
        Path dir = Path.of("target", "devstack-self-test");
        Devstack.wipe(dir);
        devstack = Devstack.start(Devstack.Options.forTests(dir));
    }

    @AfterAll
    static void stop() {
        if (devstack != null) {
            devstack.close();
        }
    }

    @Test
    void shouldServeRealPostgresqlWithSeparateDatabases() {
        Devstack.Endpoints endpoints = devstack.endpoints();
        endpoints.createDatabase("alpha");
        endpoints.createDatabase("alpha");
        String version = endpoints.sql("alpha", "SHOW server_version_num");
        assertThat(Integer.parseInt(version.trim())).isGreaterThanOrEqualTo(150000);
        endpoints.sql("alpha", "CREATE TABLE t (x int); INSERT INTO t VALUES (7)");
        assertThat(endpoints.sql("alpha", "SELECT x FROM t").trim()).isEqualTo("7");
        assertThat(endpoints.sql("postgres", "SELECT count(*) FROM pg_tables WHERE tablename = 't'").trim())
                .isEqualTo("0");
    }

    @Test
    void shouldRunPostgresqlFromTheMavenBinaries() throws IOException {
        PostgresBinaries.Installation binaries = devstack.postgresBinaries();
        assertThat(binaries.origin()).contains(PostgresBinaries.ARTIFACT);
        assertThat(binaries.bin()).startsWith(PostgresBinaries.cacheRoot());
        Devstack.Endpoints endpoints = devstack.endpoints();
        String version = PostgresBinaries.mavenVersion(); // e.g. 17.6.0 is PostgreSQL 17.6
        assertThat(endpoints.sql("postgres", "SELECT version()"))
                .startsWith("PostgreSQL " + version.substring(0, version.lastIndexOf('.')) + " ");
        // the running postmaster's program is the unpacked one (the first line of postmaster.pid is its pid)
        Path data = Path.of(endpoints.sql("postgres", "SHOW data_directory").trim());
        String postmaster = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        assertThat(Path.of("/proc", postmaster, "exe").toRealPath())
                .isEqualTo(binaries.bin().resolve("postgres").toRealPath());
        endpoints.createDatabase("from_maven");
        endpoints.sql("from_maven", "CREATE TABLE greeting (text text); INSERT INTO greeting VALUES ('hello')");
        assertThat(endpoints.sql("from_maven", "SELECT text, current_database() FROM greeting").trim())
                .isEqualTo("hello|from_maven");
    }

    @Test
    void shouldOfferEveryExtensionThatTheServicesMigrationsCreate() throws IOException {
        Path root = Path.of(System.getProperty("rapport.root", "../.."));
        Set<String> wanted = new TreeSet<>();
        List<Path> migrations = new ArrayList<>();
        // the services' Flyway scripts: */src/main/resources/db/migration/*.sql
        try (Stream<Path> modules = Files.list(root)) {
            for (Path dir : modules.map(m -> m.resolve("src/main/resources/db/migration")).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> scripts = Files.list(dir)) {
                    scripts.filter(f -> f.toString().endsWith(".sql")).forEach(migrations::add);
                }
            }
        }
        for (Path migration : migrations) {
            Matcher extension = CREATE_EXTENSION.matcher(Files.readString(migration));
            while (extension.find()) {
                wanted.add(extension.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(migrations).as("the services' Flyway migrations under " + root).isNotEmpty();
        Devstack.Endpoints endpoints = devstack.endpoints();
        assertThat(endpoints.sql("postgres", "SELECT name FROM pg_available_extensions").lines()).containsAll(wanted);
        // available is not enough: each must also load (its library and what that links to are in the bundle)
        endpoints.createDatabase("extensions_check");
        for (String extension : wanted) {
            endpoints.sql("extensions_check", "CREATE EXTENSION IF NOT EXISTS \"" + extension + "\"");
        }
    }

    @Test
    void shouldCreateEveryTopicWithInfiniteRetention() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.endpoints().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            assertThat(admin.listTopics().names().get()).containsAll(Topics.all(""));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "rapport.interaction.v1");
            String retention = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value();
            assertThat(retention).isEqualTo("-1");
        }
    }

    @Test
    void shouldBringKafkaBackOnTheSamePortAfterAStop() {
        String before = devstack.endpoints().bootstrapServers();
        devstack.stopKafka();
        assertThat(devstack.kafkaRunning()).isFalse();
        devstack.startKafka();
        assertThat(devstack.endpoints().bootstrapServers()).isEqualTo(before);
        assertThat(Processes.portOpen(Integer.parseInt(before.substring(before.indexOf(':') + 1)))).isTrue();
    }

    @Test
    void shouldMintTokensOnlyForKnownRoles() {
        String token = DevTokens.mint("msl-ada", "oncology-north", Duration.ofMinutes(5), "msl");
        assertThat(token.split("\\.")).hasSize(3);
        assertThatThrownBy(() -> DevTokens.mint("x", "superuser")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown role");
    }
}
