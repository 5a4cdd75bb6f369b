package io.rapport.platform.privacy;

import java.time.Instant;
import java.util.UUID;

import io.rapport.platform.outbox.DomainEvent;

/**
 * What a service publishes, on its own topic and in the transaction that applied a {@code kol.erased} event,
 * once it holds no more personal data of the KOL: kol-service collects these so a data-protection officer can
 * see, per erasure, which services have confirmed and when (GDPR Art. 17 and the accountability of Art. 5(2)).
 * No personal data: the KOL id, the service and counts.
 *
 * @param recordsErased how many of the service's records were scrubbed or pseudonymised
 * @param recordsHeld how many of them keep their content under a legal obligation (safety reporting)
 */
public record ErasureConfirmation(UUID kolId, String service, Instant confirmedAt, int recordsErased, int recordsHeld) {

    /** The CloudEvents type, the same on every service's topic. */
    public static final String TYPE = "rapport.erasure.confirmed.v1";

    /** The outbox event for this confirmation on {@code topic} (the confirming service's own), keyed by the KOL. */
    public DomainEvent event(String topic) {
        return DomainEvent.of(topic, TYPE, kolId, this).at(confirmedAt);
    }

    public static ErasureConfirmation of(UUID kolId, String service, int recordsErased, int recordsHeld) {
        return new ErasureConfirmation(kolId, service, Instant.now(), recordsErased, recordsHeld);
    }
}
