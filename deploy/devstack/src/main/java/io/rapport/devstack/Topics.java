package io.rapport.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Rapport's topics. Event topics keep their records forever ({@code retention.ms=-1}) so projections can be
 * rebuilt from them; each has a dead-letter topic for messages that cannot be parsed. The Kubernetes
 * {@code KafkaTopic}s mirror this list.
 */
public final class Topics {

    public static final List<String> EVENT_TOPICS = List.of(
            "rapport.kol.v1", "rapport.reference.v1", "rapport.interaction.v1", "rapport.insight.v1",
            "rapport.metrics.v1");
    public static final int PARTITIONS = 3;
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Every event topic and its dead-letter topic, each name prefixed (empty prefix for the real names). */
    public static List<String> all(String prefix) {
        List<String> names = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            names.add(prefix + topic);
            names.add(prefix + topic + DLQ_SUFFIX);
        }
        return names;
    }

    /** Creates the topics that do not exist yet; retries while the broker finishes starting. */
    public static void create(String bootstrapServers, List<String> names) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = names.stream()
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")))
                    .toList();
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    for (var result : admin.createTopics(topics).values().values()) {
                        awaitIgnoringExists(result);
                    }
                    return;
                } catch (ExecutionException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new DevstackException("Cannot create Kafka topics: " + e.getCause().getMessage(), e);
                    }
                    Processes.sleep(250);
                }
            }
        }
    }

    private static void awaitIgnoringExists(org.apache.kafka.common.KafkaFuture<Void> result) throws ExecutionException {
        try {
            result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException(e);
        }
    }
}
