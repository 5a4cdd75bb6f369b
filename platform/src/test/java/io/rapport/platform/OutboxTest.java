package io.rapport.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.config.KafkaClients;
import io.rapport.platform.config.PlatformConfig;
import io.rapport.platform.outbox.KafkaPublisher;
import io.rapport.platform.outbox.OutboxRelay;
import io.rapport.platform.persistence.PgNotifications;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.ReceivedEvent;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import static io.rapport.testing.EmittedEvents.ofType;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The transactional outbox and its relay, against the real PostgreSQL and Kafka. */
@QuarkusTest
class OutboxTest {

    private static final String TOPIC = "rapport.metrics.v1";
    private static final String CREATED = "rapport.test.note.created.v1";
    private static final String UPDATED = "rapport.test.note.updated.v1";
    private final String msl = Tokens.bearer("msl-ada", "msl");

    @Inject
    OutboxRelay relay;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    PlatformConfig config;
    @Inject
    PgNotifications notifications;
    @Inject
    KafkaClients kafka;
    @Inject
    Tracer tracer;

    @Test
    void shouldPublishTheChangeAndItsEventTogetherAsACloudEventKeyedByAggregate() {
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            String id = createNote("published-" + UUID.randomUUID());
            ReceivedEvent event = events.await(ofType(CREATED, id));
            assertThat(event.key()).isEqualTo(id);
            assertThat(event.headers()).containsEntry("ce_specversion", "1.0").containsEntry("ce_source", "/platform-test")
                    .containsEntry("ce_subject", id).containsEntry("content-type", "application/json");
            assertThat(UUID.fromString(event.id())).isNotNull();
            assertThat(event.data().path("noteId").asText()).isEqualTo(id);
            assertThat(event.data().path("aggregateVersion").asLong()).isEqualTo(1);
            assertThat(event.data().has("title")).as("free text never enters Kafka").isFalse();
        }
    }

    @Test
    void shouldPublishNothingWhenTheTransactionRollsBack() {
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            String refused = given().header("Authorization", msl).contentType(ContentType.JSON)
                    .body(Map.of("title", "rolled-back-" + UUID.randomUUID())).post("/api/v1/notes/refused")
                    .then().statusCode(422).extract().path("noteId");
            assertThat(DevstackResource.sql("SELECT count(*) FROM outbox WHERE aggregate_id = '" + refused + "'"))
                    .isEqualTo("0");
            String later = createNote("after-rollback-" + UUID.randomUUID());
            events.await(ofType(CREATED, later));
            assertThat(events.drain(Duration.ofSeconds(1))).noneMatch(e -> refused.equals(e.subject()));
        }
    }

    @Test
    void shouldKeepAcceptingWritesWhileKafkaIsDownAndDeliverEverythingInOrderAfterwards() {
        List<String> ids = new ArrayList<>();
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            DevstackResource.devstack().stopKafka();
            try {
                for (int i = 0; i < 10; i++) {
                    String id = createNote("kafka-down-" + UUID.randomUUID());
                    patchNote(id, 1, "second");
                    patchNote(id, 2, "third");
                    ids.add(id);
                }
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                given().get("/q/health/well").then().statusCode(503).body("checks.find { it.name == 'kafka' }.status",
                        equalTo("DOWN"));
            } finally {
                DevstackResource.devstack().startKafka();
            }
            List<ReceivedEvent> received = events.awaitCount(e -> ids.contains(e.subject()), 30);
            Map<String, List<Long>> versionsByKey = new HashMap<>();
            for (ReceivedEvent event : received) {
                versionsByKey.computeIfAbsent(event.key(), k -> new ArrayList<>())
                        .add(event.data().path("aggregateVersion").asLong());
            }
            assertThat(versionsByKey).hasSize(10);
            versionsByKey.values().forEach(versions -> assertThat(versions).containsExactly(1L, 2L, 3L));
        }
    }

    @Test
    void shouldDeliverRowsWrittenWhileTheRelayWasStopped() {
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            relay.stop();
            List<String> ids = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    ids.add(createNote("relay-stopped-" + UUID.randomUUID()));
                }
                assertThat(Long.parseLong(DevstackResource.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")))
                        .isGreaterThanOrEqualTo(5);
            } finally {
                relay.start();
            }
            events.awaitCount(e -> ids.contains(e.subject()), 5);
        }
    }

    @Test
    void shouldPublishTenThousandRowsOverFiftyKeysExactlyOnceInOrderWithTwoRelays() {
        OutboxRelay second = new OutboxRelay(pool, vertx, new KafkaPublisher(kafka, "platform-test", config, tracer),
                config, "platform-test", notifications, new SimpleMeterRegistry());
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            relay.stop();
            try {
                DevstackResource.sql("INSERT INTO outbox (event_id, topic, aggregate_id, type, occurred_at, payload) "
                        + "SELECT gen_random_uuid(), '" + TOPIC + "', 'load-" + run + "-' || (i % 50), 'rapport.test.load.v1', "
                        + "now(), jsonb_build_object('sequence', i) FROM generate_series(1, 10000) AS i");
            } finally {
                second.start();
                relay.start();
            }
            String prefix = "load-" + run + "-";
            events.awaitCount(e -> e.key().startsWith(prefix), 10_000);
            List<ReceivedEvent> all = events.drain(Duration.ofSeconds(2)).stream()
                    .filter(e -> e.key().startsWith(prefix)).toList();
            Set<String> ids = new HashSet<>();
            all.forEach(e -> ids.add(e.id()));
            assertThat(all).as("no duplicates").hasSize(10_000);
            assertThat(ids).hasSize(10_000);
            Map<String, Long> lastSequence = new HashMap<>();
            for (ReceivedEvent event : all.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset())).toList()) {
                long sequence = event.data().path("sequence").asLong();
                Long previous = lastSequence.put(event.key(), sequence);
                assertThat(previous == null || previous < sequence).as("order of key %s", event.key()).isTrue();
            }
            assertThat(lastSequence).hasSize(50);
        } finally {
            second.stop();
        }
    }

    private String createNote(String title) {
        return given().header("Authorization", msl).contentType(ContentType.JSON).body(Map.of("title", title))
                .post("/api/v1/notes").then().statusCode(201).extract().path("id");
    }

    private void patchNote(String id, long version, String body) {
        given().header("Authorization", msl).header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json").body(Map.of("body", body)).patch("/api/v1/notes/" + id)
                .then().statusCode(200);
    }
}
