package io.rapport.kol.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The unique index of identifiers (NPI, ORCID, external CRM ids). A claim inserts and, if another KOL holds
 * the identifier, tells which: the unique key decides, no validator queries first, so two concurrent
 * claims cannot both win.
 */
@ApplicationScoped
public class KolIdentifierRepository {

    /** Makes the KOL's identifiers exactly {@code claims}; returns the first one another KOL holds, if any. */
    public Uni<Optional<Taken>> claim(UUID kolId, List<String[]> claims) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM kol_identifier WHERE kol_id = :kol").setParameter("kol", kolId).executeUpdate()
                .chain(() -> claimEach(kolId, claims, 0)));
    }

    private Uni<Optional<Taken>> claimEach(UUID kolId, List<String[]> claims, int index) {
        if (index == claims.size()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String[] claim = claims.get(index);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO kol_identifier (kind, value, kol_id) VALUES (:kind, :value, :kol) "
                        + "ON CONFLICT (kind, value) DO NOTHING")
                .setParameter("kind", claim[0]).setParameter("value", claim[1]).setParameter("kol", kolId)
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? claimEach(kolId, claims, index + 1)
                        : holder(claim[0], claim[1]).map(other -> Optional.of(new Taken(claim[0], claim[1], other)))));
    }

    /** The KOL holding an identifier, if any. */
    public Uni<UUID> holder(String kind, String value) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT CAST(kol_id AS text) FROM kol_identifier WHERE kind = :kind AND value = :value", String.class)
                .setParameter("kind", kind).setParameter("value", value).getResultList())
                .map(rows -> rows.isEmpty() ? null : UUID.fromString(rows.get(0)));
    }

    /** Frees every identifier of a KOL (erasure). */
    public Uni<Integer> release(UUID kolId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM kol_identifier WHERE kol_id = :kol").setParameter("kol", kolId).executeUpdate());
    }

    /** An identifier held by another KOL. */
    public record Taken(String kind, String value, UUID otherKolId) {
    }
}
