package io.rapport.kol.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.kol.domain.KolPrivacy;
import io.rapport.platform.events.EventConsumer;
import io.rapport.platform.events.IncomingEvent;
import io.rapport.platform.privacy.ErasureConfirmation;
import io.smallrye.mutiny.Uni;

/**
 * Records the other services' confirmations that they erased a KOL ({@value ErasureConfirmation#TYPE} on their own
 * topics), idempotently, so {@code GET /kols/{id}/erasure} can prove each erasure. Every other event type on those
 * topics is skipped (tolerant reader); a confirmation without its required data is dead-lettered.
 */
@ApplicationScoped
public class ErasureConfirmationConsumer {

    private final EventConsumer consumer;
    private final KolPrivacy privacy;

    public ErasureConfirmationConsumer(EventConsumer consumer, KolPrivacy privacy) {
        this.consumer = consumer;
        this.privacy = privacy;
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.process(records, ErasureConfirmation.TYPE::equals, this::apply);
    }

    Uni<Void> apply(IncomingEvent event) {
        Confirmation confirmation = event.dataAs(Confirmation.class);
        return privacy.confirmed(confirmation.kolId(), confirmation.service(),
                confirmation.confirmedAt() == null ? event.time() : confirmation.confirmedAt(),
                confirmation.recordsErased(), confirmation.recordsHeld());
    }

    /** What this consumer needs of {@link ErasureConfirmation}. */
    record Confirmation(@NotNull UUID kolId, @NotBlank String service, Instant confirmedAt,
            @NotNull @Min(0) Integer recordsErased, @NotNull @Min(0) Integer recordsHeld) {
    }
}
