package io.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSender;
import io.rapport.testing.ReceivedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform's idempotent consumer with its dead-letter topic, through the test application's projection. */
@QuarkusTest
class ConsumerTest {

    private static final String TOPIC = "rapport.metrics.v1";
    private static final String CREATED = "rapport.test.note.created.v1";
    private static final String UPDATED = "rapport.test.note.updated.v1";

    @Test
    void shouldChangeTheProjectionOnceWhenTheSameEventIsConsumedTwice() {
        UUID note = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (EventSender sender = new EventSender()) {
            sender.send(TOPIC, eventId, CREATED, note.toString(), data(note, 1));
            sender.send(TOPIC, eventId, CREATED, note.toString(), data(note, 1));
            // same key, so same partition: once this one is applied, both copies before it were handled
            sender.send(TOPIC, UUID.randomUUID(), UPDATED, note.toString(), data(note, 2));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(tally(note)));
        assertThat(DevstackResource.sql("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'"))
                .isEqualTo("1");
    }

    @Test
    void shouldDeadLetterPoisonAndStillProcessTheNextGoodMessage() {
        UUID note = UUID.randomUUID();
        String key = note.toString();
        try (EventSender sender = new EventSender()) {
            sender.sendRaw(TOPIC, key, "not json at all".getBytes(StandardCharsets.UTF_8), Map.of());
            ObjectNode missingField = JsonNodeFactory.instance.objectNode().put("aggregateVersion", 1);
            sender.send(TOPIC, UUID.randomUUID(), CREATED, key, missingField);
            sender.send(TOPIC, UUID.randomUUID(), CREATED, key, data(note, 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(tally(note)));
        try (EmittedEvents dlq = EmittedEvents.allOn(DevstackResource.deadLetterTopic(TOPIC))) {
            List<ReceivedEvent> letters = dlq.awaitCount(e -> key.equals(e.key()), 2);
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).headers().get("dead-letter-reason")).contains("not a CloudEvent");
            assertThat(letters.get(1).headers().get("dead-letter-reason")).contains("noteId");
            assertThat(letters).allSatisfy(l -> assertThat(l.headers())
                    .containsEntry("dead-letter-topic", DevstackResource.topic(TOPIC)));
        }
    }

    @Test
    void shouldRetryWhileTheDatabaseIsDownAndLoseNothing() {
        String dlqBefore = deadLetterCount();
        List<UUID> notes = new ArrayList<>();
        String key = UUID.randomUUID().toString();
        DevstackResource.devstack().stopPostgres();
        try (EventSender sender = new EventSender()) {
            for (int i = 0; i < 5; i++) {
                UUID note = UUID.randomUUID();
                notes.add(note);
                sender.send(TOPIC, UUID.randomUUID(), CREATED, key, data(note, 1));
            }
            // let the consumer meet the outage before the database returns
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        } finally {
            DevstackResource.devstack().startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> notes.stream().allMatch(n -> "1".equals(tally(n))));
        assertThat(deadLetterCount()).isEqualTo(dlqBefore);
    }

    private static ObjectNode data(UUID note, long version) {
        return JsonNodeFactory.instance.objectNode().put("noteId", note.toString()).put("owner", "msl-ada")
                .put("aggregateVersion", version).put("fieldFromTheFuture", "ignored by tolerant readers");
    }

    private static String tally(UUID note) {
        return DevstackResource.sql("SELECT COALESCE((SELECT events FROM note_tally WHERE note_id = '" + note + "'), 0)");
    }

    private static String deadLetterCount() {
        try (EmittedEvents dlq = EmittedEvents.allOn(DevstackResource.deadLetterTopic(TOPIC))) {
            return String.valueOf(dlq.drain(Duration.ofSeconds(1)).size());
        }
    }
}
