package io.rapport.metrics.events;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.rapport.metrics.domain.ProjectionBatch;
import io.rapport.metrics.domain.Projector;
import io.rapport.metrics.domain.RebuildState;
import io.rapport.metrics.persistence.KolStore;
import io.rapport.metrics.persistence.ProjectionStore;
import io.rapport.metrics.persistence.RebuildStore;
import io.rapport.metrics.persistence.Schemas;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.events.EventConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Rebuilds every projection from the topics: reads them from the beginning, without a consumer group, into
 * a shadow schema with its own processed events and per-aggregate state; once caught up, takes the lock live
 * transactions share (live consumption on every instance pauses), reads on until it has what the live tables
 * have, swaps the schemas in that transaction and lets live consumption resume on the rebuilt tables.
 */
@ApplicationScoped
public class RebuildRunner {

    private static final Logger LOG = Logger.getLogger(RebuildRunner.class);
    /** Without a new record for this long while behind its target, the rebuild gives up (the log is gone?). */
    private static final Duration STALLED = Duration.ofMinutes(2);
    /**
     * The claim's heartbeat: another instance takes a RUNNING rebuild without news for two minutes as dead
     * (RebuildStore), so a live one reports at least this often, however slowly its batches go.
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final RebuildStore store;
    private final Projector projector;
    private final EventConsumer events;
    private final ProjectionStore projections;
    private final KolStore kols;
    private final String bootstrapServers;
    private final List<String> topics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "metrics-rebuild"));

    public RebuildRunner(RebuildStore store, Projector projector, EventConsumer events, ProjectionStore projections,
            KolStore kols, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.rapport-events.topics") List<String> topics) {
        this.store = store;
        this.projector = projector;
        this.events = events;
        this.projections = projections;
        this.kols = kols;
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public Uni<RebuildState> start(String requestedBy) {
        return store.claim(requestedBy).chain(claimed -> {
            if (!claimed) {
                throw ProblemException.conflict("rebuild-running", "A rebuild is already running");
            }
            worker.submit(this::run);
            return store.state();
        });
    }

    public Uni<RebuildState> state() {
        return store.state();
    }

    private void run() {
        ProjectionBatch batch = projector.rebuildBatch();
        try {
            LOG.infof("Rebuild started: reading %s from the beginning", topics);
            await(store::createShadow);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                consumeUntil(consumer, batch, consumer.endOffsets(partitions));
                refreshAllHealth(batch.applied());
                swap(consumer, batch);
            }
            await(() -> store.finish("DONE", batch.applied(), null));
            LOG.infof("Rebuild done: %d events applied, tables swapped", batch.applied());
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild failed after %d events", batch.applied());
            await(() -> store.dropShadow().onFailure().recoverWithNull().replaceWithVoid()
                    .chain(() -> store.finish("FAILED", batch.applied(), e.toString())));
        }
    }

    /** Live consumption waits on the lock while the rebuild reads what the live tables have, then the swap. */
    private void swap(KafkaConsumer<String, byte[]> consumer, ProjectionBatch batch) {
        await(() -> store.progress("SWAPPING", batch.applied(), "waiting for live transactions"));
        SqlConnection lock = await(store::lockLive);
        try {
            Map<TopicPartition, Long> live = new HashMap<>();
            await(() -> store.livePositions(lock)).forEach((topic, byPartition) -> byPartition.forEach(
                    (partition, next) -> live.put(new TopicPartition(topic, partition), next)));
            live.keySet().retainAll(consumer.assignment());
            consumeUntil(consumer, batch, live);
            await(() -> store.swap(lock));
        } finally {
            await(() -> store.release(lock));
        }
    }

    private void consumeUntil(KafkaConsumer<String, byte[]> consumer, ProjectionBatch batch,
            Map<TopicPartition, Long> targets) {
        long lastProgress = System.nanoTime();
        long lastReport = System.nanoTime();
        long reported = 0;
        while (!reached(consumer, targets)) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALLED) > 0) {
                    throw new IllegalStateException("No records for " + STALLED + " while behind " + targets);
                }
                continue;
            }
            lastProgress = System.nanoTime();
            await(() -> events.process(records, event -> projector.apply(event, batch), batch));
            if (batch.applied() - reported >= 5000 || System.nanoTime() - lastReport > HEARTBEAT.toNanos()) {
                reported = batch.applied();
                lastReport = System.nanoTime();
                LOG.infof("Rebuild: %d events applied", reported);
                await(() -> store.progress("RUNNING", batch.applied(), null));
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream().allMatch(t -> consumer.position(t.getKey()) >= t.getValue());
    }

    /** Every active KOL's health in the shadow tables, as of today. */
    private void refreshAllHealth(long applied) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        while (true) {
            List<UUID> stale = await(() -> Panache.withTransaction(() -> projections.useSchema(Schemas.REBUILD)
                    .chain(() -> kols.staleHealth(today, 500))));
            if (stale.isEmpty()) {
                return;
            }
            await(() -> store.progress("RUNNING", applied, "computing relationship health"));
            await(() -> Panache.withTransaction(() -> projections.useSchema(Schemas.REBUILD)
                    .chain(() -> kols.refreshHealth(stale, today, projector.tierTarget()))));
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "metrics-rebuild");
        return props;
    }

    private static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
