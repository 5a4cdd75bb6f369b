package io.rapport.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What dev mode's config source does before a service starts, short of starting a devstack. */
@Tag("unit")
class DevModeDevstackTest {

    @Test
    void shouldDoNothingOutsideTheDevProfile() {
        SmallRyeConfig config = config("test", Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/kol",
                "kafka.bootstrap.servers", "127.0.0.1:1"));

        assertThat(config.getOptionalValue(DevModeDevstack.ROOT_PROPERTY, String.class)).isEmpty();
    }

    @Test
    void shouldNameTheRepositoryAndLeaveADatabaseElsewhereAlone() {
        SmallRyeConfig config = config("dev", Map.of(
                "%dev.quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.org:5432/kol",
                "%dev.kafka.bootstrap.servers", "kafka.example.org:9092"));

        Path root = Path.of(config.getValue(DevModeDevstack.ROOT_PROPERTY, String.class));
        assertThat(root.resolve("deploy/dev-token")).exists();
        assertThat(Files.isDirectory(root.resolve("deploy/devstack"))).isTrue();
    }

    @Test
    void shouldBeTurnedOffBySetting() {
        SmallRyeConfig config = config("dev", Map.of("rapport.dev.devstack", "false",
                "%dev.quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/kol"));

        assertThat(config.getOptionalValue(DevModeDevstack.ROOT_PROPERTY, String.class)).isEmpty();
    }

    @Test
    void shouldRefuseWhenOnlyOneOfTheTwoPortsAnswers() throws IOException {
        try (ServerSocket postgres = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int kafkaPort = Processes.freePort();
            Map<String, String> settings = Map.of(
                    "%dev.quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getLocalPort() + "/kol",
                    "%dev.kafka.bootstrap.servers", "127.0.0.1:" + kafkaPort);

            assertThatThrownBy(() -> config("dev", settings)).isInstanceOf(DevstackException.class)
                    .hasMessageContaining("only " + postgres.getLocalPort() + " answers")
                    .hasMessageContaining("deploy/run-local --infra-only");
        }
    }

    @Test
    void shouldReadPortAndDatabaseOfLocalAddressesOnly() {
        assertThat(DevModeDevstack.Local.of("postgresql://127.0.0.1:15432/kol"))
                .isEqualTo(new DevModeDevstack.Local(15432, "kol"));
        assertThat(DevModeDevstack.Local.of("kafka://localhost:19092,localhost:19093"))
                .isEqualTo(new DevModeDevstack.Local(19092, ""));
        assertThat(DevModeDevstack.Local.of("postgresql://db.example.org:5432/kol")).isNull();
        assertThat(DevModeDevstack.Local.of("postgresql://127.0.0.1/kol")).isNull();
        assertThat(DevModeDevstack.Local.of("not a url")).isNull();
    }

    private static SmallRyeConfig config(String profile, Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(new HashMap<>(settings), "test", 250))
                .withSources(new DevModeDevstack()).build();
    }
}
