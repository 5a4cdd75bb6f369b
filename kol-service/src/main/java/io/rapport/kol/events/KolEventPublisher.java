package io.rapport.kol.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.kol.domain.Kol;
import io.rapport.kol.domain.KolEvents;
import io.rapport.kol.domain.Msl;
import io.rapport.kol.domain.MslEntry;
import io.rapport.kol.domain.Product;
import io.rapport.kol.domain.ResearchTopic;
import io.rapport.kol.domain.TherapeuticArea;
import io.rapport.platform.outbox.DomainEvent;
import io.rapport.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Turns domain changes into events in the outbox, in the transaction of the change. */
@ApplicationScoped
public class KolEventPublisher implements KolEvents {

    private final Outbox outbox;

    public KolEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> created(Kol kol) {
        return outbox
                .append(DomainEvent.of(KolEventTypes.KOL_TOPIC, KolEventTypes.KOL_CREATED, kol.id(), KolChanged.from(kol)));
    }

    @Override
    public Uni<Void> updated(Kol kol) {
        return outbox
                .append(DomainEvent.of(KolEventTypes.KOL_TOPIC, KolEventTypes.KOL_UPDATED, kol.id(), KolChanged.from(kol)));
    }

    @Override
    public Uni<Void> erased(Kol kol) {
        return outbox.append(DomainEvent.of(KolEventTypes.KOL_TOPIC, KolEventTypes.KOL_ERASED, kol.id(), state(kol)));
    }

    /** The data of the KOL's latest event: what the other services replicate. */
    @Override
    public Object state(Kol kol) {
        if (kol.isErased()) {
            return Map.of("kolId", kol.id(), "status", kol.status().name(), "aggregateVersion", kol.version(),
                    "erasedAt", kol.updatedAt() == null ? Instant.now() : kol.updatedAt());
        }
        return KolChanged.from(kol);
    }

    @Override
    public Uni<Void> imported(List<Kol> created, List<Kol> updated) {
        List<DomainEvent> events = new ArrayList<>();
        created.forEach(kol -> events.add(DomainEvent.of(KolEventTypes.KOL_TOPIC, KolEventTypes.KOL_CREATED, kol.id(),
                KolChanged.from(kol))));
        updated.forEach(kol -> events.add(DomainEvent.of(KolEventTypes.KOL_TOPIC, KolEventTypes.KOL_UPDATED, kol.id(),
                KolChanged.from(kol))));
        return outbox.append(events);
    }

    @Override
    public Uni<Void> therapeuticAreaChanged(TherapeuticArea area) {
        return outbox.append(DomainEvent.of(KolEventTypes.REFERENCE_TOPIC, KolEventTypes.THERAPEUTIC_AREA_CHANGED,
                "therapeutic-area:" + area.code(), new ReferenceChanged.TherapeuticArea(area.code(), area.name(),
                        area.version())));
    }

    @Override
    public Uni<Void> productChanged(Product product) {
        return outbox.append(DomainEvent.of(KolEventTypes.REFERENCE_TOPIC, KolEventTypes.PRODUCT_CHANGED,
                "product:" + product.code(), new ReferenceChanged.Product(product.code(), product.name(),
                        product.therapeuticArea(), product.markets(), product.version())));
    }

    @Override
    public Uni<Void> researchTopicChanged(ResearchTopic topic) {
        return outbox.append(DomainEvent.of(KolEventTypes.REFERENCE_TOPIC, KolEventTypes.RESEARCH_TOPIC_CHANGED,
                "research-topic:" + topic.code(), new ReferenceChanged.ResearchTopic(topic.code(), topic.name(),
                        topic.version())));
    }

    @Override
    public Uni<Void> mslChanged(Msl msl) {
        MslEntry entry = msl.entry();
        return outbox.append(DomainEvent.of(KolEventTypes.REFERENCE_TOPIC, KolEventTypes.MSL_CHANGED, "msl:" + msl.userId(),
                new ReferenceChanged.Msl(msl.userId(), entry.team(), entry.manager(), entry.territoryCountries(),
                        entry.therapeuticAreas(), entry.timeZone(), msl.version())));
    }
}
