package io.rapport.platform.replica;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.rapport.platform.events.IncomingEvent;
import io.smallrye.mutiny.Uni;

/**
 * Applies kol-service's events (KOLs, therapeutic areas, products, the MSL directory) to the local replicas
 * every consuming service keeps, in the consumer's transaction. Tells the caller what it did, so the service
 * handles its own event types and reacts to an erased KOL.
 */
@ApplicationScoped
public class DirectoryReplication {

    private final Replicas replicas;

    public DirectoryReplication(Replicas replicas) {
        this.replicas = replicas;
    }

    /** What became of an event: not one of kol-service's, replicated, or a KOL erased (the id to erase). */
    public record Outcome(boolean handled, UUID erasedKol) {

        static final Outcome IGNORED = new Outcome(false, null);
        static final Outcome REPLICATED = new Outcome(true, null);
    }

    public Uni<Outcome> apply(IncomingEvent event) {
        return switch (event.type()) {
            case "rapport.kol.created.v1", "rapport.kol.updated.v1" ->
                replicate(Directory.KOL, event.dataAs(KolKey.class).kolId().toString(), event);
            case "rapport.kol.erased.v1" -> {
                UUID kol = event.dataAs(KolKey.class).kolId();
                yield replicate(Directory.KOL, kol.toString(), event).map(ignored -> new Outcome(true, kol));
            }
            case "rapport.reference.therapeutic-area.changed.v1" ->
                replicate(Directory.THERAPEUTIC_AREA, event.dataAs(CodeKey.class).code(), event);
            case "rapport.reference.product.changed.v1" ->
                replicate(Directory.PRODUCT, event.dataAs(CodeKey.class).code(), event);
            case "rapport.reference.msl.changed.v1" ->
                replicate(Directory.MSL, event.dataAs(MslKey.class).userId(), event);
            default -> Uni.createFrom().item(Outcome.IGNORED);
        };
    }

    /** Replicates any other aggregate's event (a resource, a medical request) under the given kind and id. */
    public Uni<Outcome> replicate(String kind, String id, IncomingEvent event) {
        return replicas.apply(kind, id, event.aggregateVersion(), event.data()).replaceWith(Outcome.REPLICATED);
    }

    record KolKey(@NotNull UUID kolId, @NotNull Long aggregateVersion) {
    }

    record CodeKey(@NotBlank String code, @NotNull Long aggregateVersion) {
    }

    record MslKey(@NotBlank String userId, @NotNull Long aggregateVersion) {
    }
}
