package io.rapport.interaction.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.interaction.domain.CalendarFeed;
import io.rapport.interaction.domain.Interaction;
import io.smallrye.mutiny.Uni;

/** Calendar feeds, and what a feed shows: the MSL's planned interactions from a month ago on. */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarFeed, String> {

    public Uni<CalendarFeed> byHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    public Uni<List<Interaction>> plannedOf(String msl) {
        return getSession().chain(session -> session.createSelectionQuery("from Interaction i where i.mslId = :msl "
                + "and i.status = 'PLANNED' and i.plannedStart >= :from order by i.plannedStart", Interaction.class)
                .setParameter("msl", msl).setParameter("from", Instant.now().minus(Duration.ofDays(30)))
                .setMaxResults(1000).getResultList());
    }
}
