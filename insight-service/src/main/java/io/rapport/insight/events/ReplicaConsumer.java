package io.rapport.insight.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.insight.domain.KolErasure;
import io.rapport.insight.domain.Replicated;
import io.rapport.platform.events.EventConsumer;
import io.rapport.platform.events.IncomingEvent;
import io.rapport.platform.replica.DirectoryReplication;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the local replicas up to date: kol-service's KOLs, codes and MSL directory, and interaction-service's
 * medical requests (a reactive-only resource answers an unsolicited one); erases a KOL's data when told.
 * Other event types are ignored.
 */
@ApplicationScoped
public class ReplicaConsumer {

    private final EventConsumer consumer;
    private final DirectoryReplication replication;
    private final KolErasure erasure;

    public ReplicaConsumer(EventConsumer consumer, DirectoryReplication replication, KolErasure erasure) {
        this.consumer = consumer;
        this.replication = replication;
        this.erasure = erasure;
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.process(records, ReplicaConsumer::relevant, this::apply);
    }

    /**
     * KOLs, reference data, medical requests and interactions (an insight or a share names one, and must be
     * one the caller sees); follow-ups on the same topic are not ours.
     */
    static boolean relevant(String type) {
        return type.startsWith("rapport.kol.") || type.startsWith("rapport.reference.")
                || type.startsWith("rapport.medical-request.") || type.startsWith("rapport.interaction.");
    }

    Uni<Void> apply(IncomingEvent event) {
        if (event.type().startsWith("rapport.medical-request.")) {
            return replication.replicate(Replicated.REQUEST, event.dataAs(RequestKey.class).requestId().toString(), event)
                    .replaceWithVoid();
        }
        if (event.type().startsWith("rapport.interaction.")) {
            return replication.replicate(Replicated.INTERACTION, event.dataAs(InteractionKey.class).interactionId()
                    .toString(), event).replaceWithVoid();
        }
        return replication.apply(event).chain(outcome -> outcome.erasedKol() == null ? Uni.createFrom().voidItem()
                : erasure.erase(outcome.erasedKol()));
    }

    record InteractionKey(@NotNull UUID interactionId, @NotNull Long aggregateVersion) {
    }

    record RequestKey(@NotNull UUID requestId, @NotNull Long aggregateVersion) {
    }
}
