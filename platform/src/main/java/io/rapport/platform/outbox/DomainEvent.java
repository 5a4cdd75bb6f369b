package io.rapport.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event about to be published: the CloudEvents attributes and the data (the aggregate's state after the
 * change, without free text or contact data, with {@code aggregateVersion}). The id is fixed here, once, so a
 * redelivery carries the same id.
 *
 * @param topic the logical topic ({@code rapport.kol.v1}); a configured prefix is added when publishing
 * @param subject the aggregate id: CloudEvents subject and Kafka record key, so one aggregate stays in order
 */
public record DomainEvent(UUID id, String topic, String type, String subject, Instant time, Object data) {

    public static DomainEvent of(String topic, String type, Object aggregateId, Object data) {
        return new DomainEvent(UUID.randomUUID(), topic, type, String.valueOf(aggregateId), Instant.now(), data);
    }

    /** The same event with an explicit occurrence time (e.g. when the change was effective). */
    public DomainEvent at(Instant occurredAt) {
        return new DomainEvent(id, topic, type, subject, occurredAt, data);
    }
}
