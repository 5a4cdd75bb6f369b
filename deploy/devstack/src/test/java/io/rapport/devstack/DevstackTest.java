package io.rapport.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevstackTest {

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
