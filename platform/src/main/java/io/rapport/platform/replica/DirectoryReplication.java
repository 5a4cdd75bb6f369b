package io.rapport.platform.replica;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rapport.platform.config.PlatformConfig;
import io.rapport.platform.config.PlatformConfig.ReplicaKind;
import io.rapport.platform.events.EventConsumer;
import io.rapport.platform.events.IncomingEvent;
import io.rapport.platform.events.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * Applies other services' events to the local replicas a consuming service keeps (KOLs, reference codes, the MSL
 * directory, the resources or requests it must know), in the consumer's transaction. Which events feed which
 * replica kind is the service's configuration ({@code rapport.platform.replicas.*}), not the platform's
 * knowledge. Tells the caller what it did, so the service reacts to an erased KOL.
 */
@ApplicationScoped
public class DirectoryReplication {

    private final Replicas replicas;
    private final EventConsumer consumer;
    private final Map<String, ReplicaKind> kinds;

    public DirectoryReplication(Replicas replicas, EventConsumer consumer, PlatformConfig config) {
        this.replicas = replicas;
        this.consumer = consumer;
        this.kinds = config.replicas();
    }

    /** What became of an event: not one this service replicates, replicated, or a KOL erased (the id to erase). */
    public record Outcome(boolean handled, UUID erasedKol) {

        static final Outcome IGNORED = new Outcome(false, null);
        static final Outcome REPLICATED = new Outcome(true, null);
    }

    /**
     * The whole replica consumer of a service: each relevant event replicated in its own transaction (idempotent,
     * dead-lettered when poison), and {@code eraseKol} run in the same transaction after a KOL's erasure.
     */
    public Uni<Void> process(Iterable<ConsumerRecord<String, byte[]>> records, Function<UUID, Uni<Void>> eraseKol) {
        return consumer.process(records, this::relevant, event -> apply(event).chain(outcome -> erase(outcome, eraseKol)));
    }

    /** Whether some replica kind of this service is fed by events of {@code type}. */
    public boolean relevant(String type) {
        return kindOf(type).isPresent();
    }

    public Uni<Outcome> apply(IncomingEvent event) {
        Optional<Map.Entry<String, ReplicaKind>> kind = kindOf(event.type());
        if (kind.isEmpty()) {
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        String id = keyOf(event, kind.get().getValue());
        Uni<Outcome> replicated = replicate(kind.get().getKey(), id, event);
        if (!kind.get().getValue().erasedBy().map(event.type()::equals).orElse(false)) {
            return replicated;
        }
        UUID erased = UUID.fromString(id);
        return replicated.map(ignored -> new Outcome(true, erased));
    }

    /** Replicates an aggregate's event under the given kind and id. */
    public Uni<Outcome> replicate(String kind, String id, IncomingEvent event) {
        return replicas.apply(kind, id, event.aggregateVersion(), event.data()).replaceWith(Outcome.REPLICATED);
    }

    private Optional<Map.Entry<String, ReplicaKind>> kindOf(String type) {
        return kinds.entrySet().stream().filter(kind -> kind.getValue().events().stream().anyMatch(t -> matches(t, type)))
                .findFirst();
    }

    private static boolean matches(String configured, String type) {
        return configured.endsWith("*") ? type.startsWith(configured.substring(0, configured.length() - 1))
                : configured.equals(type);
    }

    private static Uni<Void> erase(Outcome outcome, Function<UUID, Uni<Void>> eraseKol) {
        return outcome.erasedKol() == null ? Uni.createFrom().voidItem() : eraseKol.apply(outcome.erasedKol());
    }

    /** The aggregate's id from the event data; an event without it (or without its version) is poison. */
    private static String keyOf(IncomingEvent event, ReplicaKind kind) {
        String id = event.data() == null ? "" : event.data().path(kind.key()).asText("");
        if (id.isBlank()) {
            throw new PoisonEventException(event.type() + " data is invalid: " + kind.key() + " must not be blank");
        }
        if (kind.uuidKey()) {
            requireUuid(event, kind.key(), id);
        }
        event.aggregateVersion();
        return id;
    }

    private static void requireUuid(IncomingEvent event, String key, String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " data is invalid: " + key + " is not a UUID");
        }
    }
}
