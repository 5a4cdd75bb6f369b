package io.rapport.interaction.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.interaction.domain.KolErasure;
import io.rapport.interaction.domain.Replicated;
import io.rapport.platform.events.EventConsumer;
import io.rapport.platform.events.IncomingEvent;
import io.rapport.platform.replica.DirectoryReplication;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the local replicas up to date: kol-service's KOLs, codes and MSL directory, and insight-service's
 * resources (an off-label answer must be an approved response letter); erases a KOL's data when told. Other
 * event types on these topics are ignored (tolerant reader).
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

    /** KOLs and reference data, and the resources an answer may cite; the rest of insight-service's topic is not ours. */
    static boolean relevant(String type) {
        return type.startsWith("rapport.kol.") || type.startsWith("rapport.reference.")
                || type.equals(InteractionEventTypes.RESOURCE_APPROVED)
                || type.equals(InteractionEventTypes.RESOURCE_WITHDRAWN);
    }

    Uni<Void> apply(IncomingEvent event) {
        if (event.type().equals(InteractionEventTypes.RESOURCE_APPROVED)
                || event.type().equals(InteractionEventTypes.RESOURCE_WITHDRAWN)) {
            return replication.replicate(Replicated.RESOURCE, event.dataAs(ResourceKey.class).resourceId().toString(), event)
                    .replaceWithVoid();
        }
        return replication.apply(event).chain(outcome -> outcome.erasedKol() == null ? Uni.createFrom().voidItem()
                : erasure.erase(outcome.erasedKol()));
    }

    record ResourceKey(@NotNull UUID resourceId, @NotNull Long aggregateVersion) {
    }
}
