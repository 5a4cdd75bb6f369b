package io.rapport.interaction.events;

import io.rapport.interaction.domain.KolErasure;
import io.rapport.interaction.domain.Replicated;
import io.rapport.platform.events.EventConsumer;
import io.rapport.platform.events.IncomingEvent;
import io.rapport.platform.replica.Replicas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local replicas (KOLs, the MSL directory, codes, approved resources) up to date from kol-service's
 * and insight-service's events, and erases a KOL's data when told. Other event types on these topics are
 * ignored (tolerant reader).
 */
@ApplicationScoped
public class ReplicaConsumer {

    private final EventConsumer consumer;
    private final Replicas replicas;
    private final KolErasure erasure;

    public ReplicaConsumer(EventConsumer consumer, Replicas replicas, KolErasure erasure) {
        this.consumer = consumer;
        this.replicas = replicas;
        this.erasure = erasure;
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.process(records, this::apply);
    }

    Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case InteractionEventTypes.KOL_CREATED, InteractionEventTypes.KOL_UPDATED ->
                    replicate(Replicated.KOL, event.dataAs(KolKey.class).kolId().toString(), event);
            case InteractionEventTypes.KOL_ERASED -> {
                UUID kol = event.dataAs(KolKey.class).kolId();
                yield replicate(Replicated.KOL, kol.toString(), event).chain(() -> erasure.erase(kol));
            }
            case InteractionEventTypes.THERAPEUTIC_AREA_CHANGED ->
                    replicate(Replicated.THERAPEUTIC_AREA, event.dataAs(CodeKey.class).code(), event);
            case InteractionEventTypes.PRODUCT_CHANGED ->
                    replicate(Replicated.PRODUCT, event.dataAs(CodeKey.class).code(), event);
            case InteractionEventTypes.MSL_CHANGED ->
                    replicate(Replicated.MSL, event.dataAs(MslKey.class).userId(), event);
            case InteractionEventTypes.RESOURCE_APPROVED, InteractionEventTypes.RESOURCE_WITHDRAWN ->
                    replicate(Replicated.RESOURCE, event.dataAs(ResourceKey.class).resourceId().toString(), event);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> replicate(String kind, String id, IncomingEvent event) {
        return replicas.apply(kind, id, event.aggregateVersion(), event.data()).replaceWithVoid();
    }

    /** What each event must carry to be replicated (the rest is read when used). */
    record KolKey(@NotNull UUID kolId, @NotNull Long aggregateVersion) {
    }

    record CodeKey(@NotBlank String code, @NotNull Long aggregateVersion) {
    }

    record MslKey(@NotBlank String userId, @NotNull Long aggregateVersion) {
    }

    record ResourceKey(@NotNull UUID resourceId, @NotNull Long aggregateVersion) {
    }
}
