package io.rapport.drills;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.rapport.launcher.Service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Where an accepted meeting must be found after a fault: in interaction-service, on Kafka, in the metrics. */
final class Ledger {

    /** The events of one topic by record key: each key's CloudEvents ids and how many copies of each. */
    record Published(Map<String, Map<String, Integer>> byKey) {

        int copies(String key) {
            return byKey.getOrDefault(key, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        int distinctEvents(String key) {
            return byKey.getOrDefault(key, Map.of()).size();
        }
    }

    private Ledger() {
    }

    /**
     * Every meeting the writer saw accepted is readable from interaction-service, was published as exactly one
     * event (and, unless {@code copiesAllowed}, one copy of it), and the team's completed-meeting count in the
     * metrics equals the number accepted: nothing lost, nothing counted twice.
     */
    static void assertExactlyOnce(Stack stack, SteadyWriter writer, boolean copiesAllowed) {
        List<String> accepted = List.copyOf(writer.accepted);
        assertThat(accepted).as("meetings accepted during the drill").isNotEmpty();
        assertThat(new HashSet<>(accepted)).hasSameSizeAs(accepted);
        String token = stack.token(writer.msl, "msl");
        for (String id : accepted) {
            given().header("Authorization", token).get(stack.url(Service.INTERACTION) + "/api/v1/interactions/" + id)
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Published published = read(stack, "rapport.interaction.v1");
            for (String id : accepted) {
                assertThat(published.distinctEvents(id)).as("events of " + id).isEqualTo(1);
                if (!copiesAllowed) {
                    assertThat(published.copies(id)).as("copies of the event of " + id).isEqualTo(1);
                }
            }
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(
                () -> assertThat(completedMeetings(stack, writer.team)).as("completed meetings of " + writer.team)
                        .isEqualTo(accepted.size()));
    }

    static int completedMeetings(Stack stack, String team) {
        return given().header("Authorization", stack.token("drill-reporting", "reporting")).queryParam("team", team)
                .queryParam("from", LocalDate.now().minusDays(2).toString())
                .queryParam("to", LocalDate.now().plusDays(1).toString())
                .get(stack.url(Service.METRICS) + "/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath()
                .getInt("metrics.interactions.completed");
    }

    /** Everything on the topic now, from the beginning. */
    static Published read(Stack stack, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.suite.devstack().endpoints().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Map<String, Integer>> byKey = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> done = new HashSet<>();
            while (done.size() < partitions.size()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    String eventId = id == null ? "no-id@" + record.offset() : new String(id.value(), StandardCharsets.UTF_8);
                    byKey.computeIfAbsent(String.valueOf(record.key()), k -> new HashMap<>()).merge(eventId, 1, Integer::sum);
                }
                partitions.stream().filter(p -> consumer.position(p) >= end.get(p)).forEach(done::add);
            }
        }
        return new Published(byKey);
    }
}
