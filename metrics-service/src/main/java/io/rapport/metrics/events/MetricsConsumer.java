package io.rapport.metrics.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.metrics.domain.ProjectionBatch;
import io.rapport.metrics.domain.Projector;
import io.rapport.platform.events.EventConsumer;
import io.smallrye.mutiny.Uni;

/**
 * Live consumption of the four topics into the live schema, a batch per transaction (the channel delivers
 * batches one at a time, so one {@link ProjectionBatch} serves them all).
 */
@ApplicationScoped
public class MetricsConsumer {

    private final EventConsumer consumer;
    private final Projector projector;
    private final ProjectionBatch batch;

    public MetricsConsumer(EventConsumer consumer, Projector projector) {
        this.consumer = consumer;
        this.projector = projector;
        this.batch = projector.liveBatch();
    }

    @Incoming("rapport-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.process(records, event -> projector.apply(event, batch), batch);
    }
}
