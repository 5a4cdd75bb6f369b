package io.rapport.kol.domain;

import io.smallrye.mutiny.Uni;

/**
 * What the domain tells the rest of Rapport, in the transaction of the change. Implemented in {@code events}
 * (the published shapes live there, not here).
 */
public interface KolEvents {

    Uni<Void> created(Kol kol);

    Uni<Void> updated(Kol kol);

    Uni<Void> erased(Kol kol);

    /** The KOLs a bulk import batch created and changed, in one statement. */
    Uni<Void> imported(java.util.List<Kol> created, java.util.List<Kol> updated);

    Uni<Void> therapeuticAreaChanged(TherapeuticArea area);

    Uni<Void> productChanged(Product product);

    Uni<Void> researchTopicChanged(ResearchTopic topic);

    Uni<Void> mslChanged(Msl msl);

    /**
     * The data of the KOL's latest event, as the other services replicate it (no names, contact data or free
     * text): what a service whose replica misses the KOL asks for.
     */
    Object state(Kol kol);
}
