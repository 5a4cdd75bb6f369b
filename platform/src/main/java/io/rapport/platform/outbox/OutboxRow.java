package io.rapport.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row as the relay reads it, with the trace context it was appended in ({@link TraceContext#NONE} if none). */
public record OutboxRow(long id, UUID eventId, String topic, String aggregateId, String type, OffsetDateTime occurredAt,
        String payload, TraceContext trace) {
}
