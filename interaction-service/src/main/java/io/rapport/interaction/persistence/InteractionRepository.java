package io.rapport.interaction.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.rapport.interaction.domain.Interaction;
import io.rapport.interaction.domain.InteractionFilter;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** Interactions: locking one, counting against a cap, listing, CRM ids. */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    public Uni<Interaction> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Planned and completed interactions of the KOL counted in the quarter, except {@code excluded}. */
    public Uni<Long> countInQuarter(UUID kolId, String quarter, UUID excluded) {
        return count("kolId = ?1 and capQuarter = ?2 and status in ('PLANNED', 'COMPLETED') and id <> ?3",
                kolId, quarter, excluded);
    }

    /** Newest first, keyset-paged on (createdAt, id), restricted to what the caller may see. */
    public Uni<List<Interaction>> list(InteractionFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!filter.scope().all()) {
            params.and("self", filter.scope().self());
            if (filter.scope().teams().isEmpty()) {
                where.add("mslId = :self");
            } else {
                where.add("(mslId = :self or team in :teams)");
                params.and("teams", List.copyOf(filter.scope().teams()));
            }
        }
        add(where, params, "kolId = :kolId", "kolId", filter.kolId());
        add(where, params, "mslId = :mslId", "mslId", filter.mslId());
        add(where, params, "team = :team", "team", filter.team());
        add(where, params, "status = :status", "status", filter.status());
        add(where, params, "channel = :channel", "channel", filter.channel());
        add(where, params, "groupId = :groupId", "groupId", filter.groupId());
        add(where, params, "coalesce(occurredAt, plannedStart) >= :from", "from", filter.from());
        add(where, params, "coalesce(occurredAt, plannedStart) < :to", "to", filter.to());
        if (!page.keyOf(2).isFirst()) {
            where.add("(createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
            params.and("afterTime", page.afterInstant(0)).and("afterId", page.afterUuid(1));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return find(query, params).range(0, page.fetchSize() - 1).list();
    }

    /** The interaction a CRM id names, if any. */
    public Uni<Optional<UUID>> byExternalId(String system, String externalId) {
        return getSession().chain(session -> session.createNativeQuery("SELECT CAST(interaction_id AS text) FROM "
                + "interaction_external_id WHERE system = :system AND external_id = :id", String.class)
                .setParameter("system", system).setParameter("id", externalId).getResultList())
                .map(rows -> rows.stream().findFirst().map(UUID::fromString));
    }

    /** Claims a CRM id for the interaction; the interaction already holding it otherwise. */
    public Uni<Optional<UUID>> claimExternalId(UUID interaction, String system, String externalId) {
        return getSession().chain(session -> session.createNativeQuery("INSERT INTO interaction_external_id (system, "
                + "external_id, interaction_id) VALUES (:system, :id, :interaction) ON CONFLICT DO NOTHING")
                .setParameter("system", system).setParameter("id", externalId).setParameter("interaction", interaction)
                .executeUpdate())
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(Optional.<UUID> empty())
                        : byExternalId(system, externalId).map(holder -> holder.filter(h -> !h.equals(interaction))));
    }

    public Uni<List<Interaction>> ofKol(UUID kolId) {
        return list("kolId", kolId);
    }

    private static void add(List<String> where, Parameters params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.and(name, value);
        }
    }
}
