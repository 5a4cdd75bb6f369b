package io.rapport.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.testing.EventSchemas;

/**
 * Years of history written straight to Kafka as interaction-service would have published it: completed
 * interactions of 200 MSLs in 20 teams with 20,000 KOLs, as CloudEvents in binary mode, each shape the
 * documented one (every thousandth checked against docs/events/asyncapi.yaml). Loads a million in minutes.
 */
final class HistoryLoader {

    static final int TEAMS = 20;
    static final int MSLS = 200;
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);
    private static final String[] CHANNELS = { "IN_PERSON", "VIDEO", "PHONE", "EMAIL", "CONGRESS" };

    private final String bootstrapServers;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode template = EventSchemas.example("rapport.interaction.completed.v1");
    private long written;

    HistoryLoader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static String team(int msl) {
        return "bench-team-" + (msl % TEAMS);
    }

    static String msl(int msl) {
        return "bench-msl-" + msl;
    }

    /** Writes {@code count} more completed interactions (deterministic from the running total). */
    void load(long count) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (long i = 0; i < count; i++) {
                long n = written++;
                ObjectNode data = event(n);
                if (n % 1000 == 0) {
                    EventSchemas.assertMatches("rapport.interaction.completed.v1", data);
                }
                String id = data.path("interactionId").asText();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("rapport.interaction.v1", id,
                        json.writeValueAsBytes(data));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id",
                        UUID.nameUUIDFromBytes(("bench-event-" + n).getBytes(StandardCharsets.UTF_8)).toString());
                header(record, "ce_type", "rapport.interaction.completed.v1");
                header(record, "ce_source", "/interaction-service");
                header(record, "ce_subject", id);
                header(record, "ce_time", Instant.now().toString());
                header(record, "content-type", "application/json");
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused history events", failure.get());
        }
    }

    long written() {
        return written;
    }

    private ObjectNode event(long n) {
        Random random = new Random(n);
        int msl = random.nextInt(MSLS);
        LocalDate day = LAST_DAY.minusDays(random.nextInt(730));
        ObjectNode data = template.deepCopy();
        data.put("interactionId",
                UUID.nameUUIDFromBytes(("bench-interaction-" + n).getBytes(StandardCharsets.UTF_8)).toString())
                .put("kolId", UUID.nameUUIDFromBytes(("bench-kol-" + random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .put("mslId", msl(msl)).put("team", team(msl)).put("recordedBy", msl(msl))
                .put("channel", CHANNELS[random.nextInt(CHANNELS.length)]).put("localDate", day.toString())
                .put("plannedStart", day + "T09:00:00Z").put("occurredAt", day + "T09:05:00Z")
                .put("feedbackScore", 1 + random.nextInt(5)).put("durationMinutes", 30 + 15 * random.nextInt(3))
                .put("offPreferenceChannel", random.nextInt(10) == 0).put("overPreferredDuration", random.nextInt(8) == 0)
                .put("capQuarter", day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1)).put("aggregateVersion", 2);
        data.putArray("transfersOfValue");
        return data;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
