package io.rapport.kol.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Keyed hashes of the identifiers of erased KOLs. */
@ApplicationScoped
public class ErasedIdentifierRepository {

    public Uni<Void> remember(List<String> digests) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String digest : digests) {
            chain = chain.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                    "INSERT INTO erased_identifier (digest, erased_at) VALUES (:d, now()) ON CONFLICT DO NOTHING")
                    .setParameter("d", digest).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    public Uni<Boolean> anyErased(List<String> digests) {
        if (digests.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT count(*) FROM erased_identifier WHERE digest IN (:digests)", Long.class)
                .setParameter("digests", digests).getSingleResult()).map(count -> count > 0);
    }
}
