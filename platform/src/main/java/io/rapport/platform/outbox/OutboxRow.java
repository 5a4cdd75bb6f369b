package io.rapport.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row as the relay reads it. */
public record OutboxRow(long id, UUID eventId, String topic, String aggregateId, String type, OffsetDateTime occurredAt,
        String payload) {
}
