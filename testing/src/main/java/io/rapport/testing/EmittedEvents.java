package io.rapport.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads what the service under test publishes on a topic, from the moment it is opened. Not thread-safe:
 * one test uses one instance.
 */
public final class EmittedEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ReceivedEvent> received = new ArrayList<>();

    private EmittedEvents(String topic, boolean fromBeginning) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevstackResource.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Events published on the (run's) topic from now on. */
    public static EmittedEvents on(String topicName) {
        return new EmittedEvents(DevstackResource.topic(topicName), false);
    }

    /** Everything on a topic given by its actual name (e.g. a dead-letter topic), from the beginning. */
    public static EmittedEvents allOn(String actualTopic) {
        return new EmittedEvents(actualTopic, true);
    }

    /** Waits until an event matches, and returns it. */
    public ReceivedEvent await(Predicate<ReceivedEvent> match) {
        return awaitCount(match, 1).get(0);
    }

    /** Waits until at least {@code count} events match, and returns all that matched. */
    public List<ReceivedEvent> awaitCount(Predicate<ReceivedEvent> match, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> poll().stream().filter(match).count() >= count);
        return received.stream().filter(match).toList();
    }

    /** Reads for a short while and returns everything received so far. */
    public List<ReceivedEvent> drain(Duration during) {
        long end = System.currentTimeMillis() + during.toMillis();
        while (System.currentTimeMillis() < end) {
            poll();
        }
        return List.copyOf(received);
    }

    /** Everything received so far (without waiting). */
    public List<ReceivedEvent> received() {
        return List.copyOf(poll());
    }

    /** The events of the given type about the given aggregate. */
    public static Predicate<ReceivedEvent> ofType(String type, Object subject) {
        return e -> type.equals(e.type()) && String.valueOf(subject).equals(e.subject());
    }

    private List<ReceivedEvent> poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
            Map<String, String> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            received.add(new ReceivedEvent(r.topic(), r.partition(), r.offset(), r.key(), headers, r.value()));
        }
        return received;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
