package io.rapport.interaction.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The stored forms an erasure minimises beyond the aggregates: the KOL's replica row. */
@ApplicationScoped
public class ErasureRepository {

    /**
     * Keeps of the KOL's replica only what is not personal (id, ERASED, version, when): the row must stay, so a
     * late or replayed older event cannot bring the profile back, and new records keep being refused.
     */
    public Uni<Integer> minimiseKolReplica(UUID kolId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE replica SET data = "
                + "jsonb_strip_nulls(jsonb_build_object('kolId', id, 'status', 'ERASED', 'aggregateVersion', "
                + "version, 'erasedAt', data -> 'erasedAt')), updated_at = now() WHERE kind = 'kol' AND id = :id")
                .setParameter("id", kolId.toString()).executeUpdate());
    }
}
