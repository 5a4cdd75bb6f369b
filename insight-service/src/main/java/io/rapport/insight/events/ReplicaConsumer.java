package io.rapport.insight.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.insight.domain.KolErasure;
import io.rapport.platform.replica.DirectoryReplication;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the local replicas up to date (the kinds and the events feeding them are listed under
 * {@code rapport.platform.replicas} in application.properties) and erases a KOL's data here when told. Other
 * event types on these topics are skipped (tolerant reader).
 */
@ApplicationScoped
public class ReplicaConsumer {

    private final DirectoryReplication replication;
    private final KolErasure erasure;

    public ReplicaConsumer(DirectoryReplication replication, KolErasure erasure) {
        this.replication = replication;
        this.erasure = erasure;
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return replication.process(records, erasure::erase);
    }
}
