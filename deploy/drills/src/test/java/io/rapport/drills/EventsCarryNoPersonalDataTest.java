package io.rapport.drills;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events carry no personal data, by construction (issue 13): the topics are kept forever and cannot be scrubbed.
 * A KOL story with a unique marker in every free-text field the APIs accept (see {@link MarkedStory}), erased at
 * the end with a marked reason; then every topic of the broker (the event topics and their dead-letter topics),
 * read from the beginning with a plain consumer, holds the marker in no key, header or value.
 */
class EventsCarryNoPersonalDataTest {

    static Stack stack;
    static MarkedStory story;

    @BeforeAll
    static void aMarkedStoryIsToldAndErased() {
        stack = Stack.get();
        story = new MarkedStory(stack).tell();
        story.erase();
    }

    @Test
    void shouldPublishTheStoryWithoutTheMarkerInAnyKeyHeaderOrValueOfAnyTopic() throws Exception {
        List<String> recordIds = List.of(story.kolId, story.records.get("interaction").get(0),
                story.records.get("share").get(0));
        // Until the story's events are all out (each record named on some topic), then once more over everything.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> named = new HashSet<>();
            everyRecord((topic, text) -> recordIds.stream().filter(text::contains).forEach(named::add));
            assertThat(named).as("the story's records named by events").containsAll(recordIds);
        });
        List<String> found = new ArrayList<>();
        int topics = everyRecord((topic, text) -> story.freeText().stream().filter(text::contains)
                .forEach(needle -> found.add(topic + ": " + needle + " in " + excerpt(text, needle))));
        assertThat(topics).as("topics read").isGreaterThanOrEqualTo(8);
        assertThat(found).as("events holding the KOL's personal data").isEmpty();
    }

    private static String excerpt(String text, String needle) {
        int at = text.indexOf(needle);
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 60));
    }

    interface RecordText {
        void accept(String topic, String text);
    }

    /** Every record of every rapport.* topic from the beginning, as key + headers + value text; the topic count. */
    static int everyRecord(RecordText visitor) throws Exception {
        String servers = stack.suite.devstack().endpoints().bootstrapServers();
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("rapport.")).sorted().toList();
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(
                        new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> done = new HashSet<>();
            while (done.size() < partitions.size()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder();
                    text.append(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8)).append('\n');
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=').append(header.value() == null ? ""
                                : new String(header.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                    text.append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                    visitor.accept(record.topic(), text.toString());
                }
                partitions.stream().filter(p -> consumer.position(p) >= end.get(p)).forEach(done::add);
            }
        }
        return topics.size();
    }
}
