package io.rapport.metrics.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.vertx.VertxContextSupport;
import io.rapport.metrics.domain.ProjectionBatch;
import io.rapport.metrics.domain.Projector;
import io.rapport.metrics.domain.RebuildSource;
import io.rapport.platform.config.KafkaClients;
import io.rapport.platform.events.EventConsumer;
import io.smallrye.mutiny.Uni;

/**
 * A rebuild's reading of the live consumer's topics: its own Kafka consumer, without a group (nothing
 * committed, live consumption's offsets untouched), assigned every partition and seeked to the beginning; each
 * poll goes through the platform consumer like live batches do (event ids recorded, in the batch's schema). It
 * takes the service's shared Kafka settings (servers, TLS, SASL: {@link KafkaClients}) like every other client.
 */
@ApplicationScoped
public class KafkaRebuildSource implements RebuildSource {

    private static final Logger LOG = Logger.getLogger(KafkaRebuildSource.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final EventConsumer events;
    private final Projector projector;
    private final KafkaClients clients;
    private final List<String> topics;

    public KafkaRebuildSource(EventConsumer events, Projector projector, KafkaClients clients,
            @ConfigProperty(name = "mp.messaging.incoming.rapport-events.topics") List<String> topics) {
        this.events = events;
        this.projector = projector;
        this.clients = clients;
        this.topics = topics;
    }

    @Override
    public Reading open(ProjectionBatch batch) {
        LOG.infof("Rebuild started: reading %s from the beginning", topics);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig());
        try {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return new KafkaReading(consumer, batch);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private final class KafkaReading implements Reading {

        private final KafkaConsumer<String, byte[]> consumer;
        private final ProjectionBatch batch;

        KafkaReading(KafkaConsumer<String, byte[]> consumer, ProjectionBatch batch) {
            this.consumer = consumer;
            this.batch = batch;
        }

        @Override
        public Map<String, Map<Integer, Long>> ends() {
            Map<String, Map<Integer, Long>> ends = new HashMap<>();
            consumer.endOffsets(consumer.assignment()).forEach((partition, end) -> ends
                    .computeIfAbsent(partition.topic(), t -> new HashMap<>()).put(partition.partition(), end));
            return ends;
        }

        @Override
        public boolean readNext() {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                return false;
            }
            await(() -> events.process(records, event -> projector.apply(event, batch), batch));
            return true;
        }

        @Override
        public boolean reached(Map<String, Map<Integer, Long>> targets) {
            return consumer.assignment().stream()
                    .allMatch(partition -> consumer.position(partition) >= target(targets, partition));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** A partition without a target is where it has to be already. */
    private static long target(Map<String, Map<Integer, Long>> targets, TopicPartition partition) {
        return targets.getOrDefault(partition.topic(), Map.of()).getOrDefault(partition.partition(), 0L);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    /** The shared Kafka settings, then the rebuild's own; no group.id (nothing is committed). */
    Map<String, Object> consumerConfig() {
        return clients.client("rebuild", Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000"));
    }

    private static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
