package io.rapport.platform.replica;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.rapport.platform.privacy.KolDataErasure;
import io.smallrye.mutiny.Uni;

/**
 * The replica consumer of a service that keeps replicas of other services' data: the kinds and the events feeding
 * them are the service's {@code rapport.platform.replicas.*}; after a KOL's erasure it runs the service's
 * {@link KolDataErasure}. Other event types on the channel's topics are skipped (tolerant reader). A service turns
 * it on at build time with {@code rapport.replica-consumer.enabled=true} and configures the channel
 * {@code rapport-events}; a service that consumes otherwise (metrics-service projects every event itself) leaves it
 * off.
 */
@ApplicationScoped
@IfBuildProperty(name = "rapport.replica-consumer.enabled", stringValue = "true")
public class ReplicaConsumer {

    private final DirectoryReplication replication;
    private final KolDataErasure erasure;

    public ReplicaConsumer(DirectoryReplication replication, KolDataErasure erasure) {
        this.replication = replication;
        this.erasure = erasure;
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return replication.process(records, erasure::erase);
    }
}
