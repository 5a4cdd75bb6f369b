package io.rapport.insight.events;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.insight.domain.Insight;
import io.rapport.insight.domain.InsightEvents;
import io.rapport.insight.domain.Resource;
import io.rapport.insight.domain.Share;
import io.rapport.platform.outbox.DomainEvent;
import io.rapport.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Puts each change on the outbox of rapport.insight.v1, in the transaction of the change. */
@ApplicationScoped
public class InsightEventPublisher implements InsightEvents {

    public static final String TOPIC = "rapport.insight.v1";

    private final Outbox outbox;

    public InsightEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> insight(Insight insight, InsightChange change) {
        return publish("rapport.insight." + name(change) + ".v1", insight.id(), InsightData.InsightState.of(insight));
    }

    @Override
    public Uni<Void> resource(Resource resource, ResourceChange change) {
        return publish("rapport.resource." + name(change) + ".v1", resource.id(), InsightData.ResourceState.of(resource));
    }

    @Override
    public Uni<Void> shared(Share share, Resource resource) {
        return publish("rapport.resource.shared.v1", share.id(), InsightData.Shared.of(share, resource));
    }

    @Override
    public Uni<Void> safetyReportDue(Insight insight) {
        return publish("rapport.insight.safety-report-due.v1", insight.id(), InsightData.Safety.of(insight));
    }

    @Override
    public Uni<Void> safetyReported(Insight insight) {
        return publish("rapport.insight.safety-reported.v1", insight.id(), InsightData.Safety.of(insight));
    }

    private Uni<Void> publish(String type, Object aggregateId, Object data) {
        return outbox.append(DomainEvent.of(TOPIC, type, aggregateId, data));
    }

    private static String name(Enum<?> change) {
        return change.name().toLowerCase(Locale.ROOT);
    }
}
