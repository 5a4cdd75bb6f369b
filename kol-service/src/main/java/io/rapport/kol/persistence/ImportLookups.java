package io.rapport.kol.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.kol.domain.Kol;
import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/** The set-at-a-time reads and writes of a bulk import batch: a few statements per batch, not per row. */
@ApplicationScoped
public class ImportLookups {

    /** Who holds each of these identifiers ("KIND\u001fvalue" to KOL id). */
    public Uni<Map<String, UUID>> holders(Collection<String[]> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String kinds = SqlArrays.joined(claims.stream().map(c -> c[0]).toList());
        String values = SqlArrays.joined(claims.stream().map(c -> c[1]).toList());
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT kind, value, CAST(kol_id AS text) "
                + "FROM kol_identifier WHERE (kind, value) IN (SELECT * FROM unnest(" + SqlArrays.textArray("kinds")
                + ", " + SqlArrays.textArray("values") + "))", Object[].class)
                .setParameter("kinds", kinds).setParameter("values", values).getResultList())
                .map(rows -> {
                    Map<String, UUID> holders = new HashMap<>();
                    rows.forEach(r -> holders.put(key((String) r[0], (String) r[1]), UUID.fromString((String) r[2])));
                    return holders;
                });
    }

    /** The digests among these that belong to erased KOLs. */
    public Uni<Set<String>> erased(Collection<String> digests) {
        if (digests.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT digest FROM erased_identifier WHERE digest = ANY(" + SqlArrays.textArray("digests") + ")",
                String.class).setParameter("digests", SqlArrays.joined(digests)).getResultList()).map(HashSet::new);
    }

    /** The KOLs with these ids, locked for the rest of the transaction. */
    public Uni<List<Kol>> lock(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery("from Kol k where k.id in :ids", Kol.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /**
     * Makes the KOLs' identifiers exactly the given claims ({kind, value, kol id}); false when a concurrent
     * writer took one meanwhile (the caller then retries row by row).
     */
    public Uni<Boolean> claim(Collection<UUID> kols, List<String[]> claims) {
        Uni<Integer> released = kols.isEmpty() ? Uni.createFrom().item(0)
                : Panache.getSession().chain(session -> session.createNativeQuery("DELETE FROM kol_identifier WHERE "
                        + "kol_id = ANY(" + SqlArrays.typedArray("ids", "uuid") + ")")
                        .setParameter("ids", SqlArrays.joined(kols)).executeUpdate());
        if (claims.isEmpty()) {
            return released.replaceWith(true);
        }
        return released.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO kol_identifier (kind, value, kol_id) SELECT * FROM unnest(" + SqlArrays.textArray("k")
                        + ", " + SqlArrays.textArray("v") + ", " + SqlArrays.typedArray("i", "uuid")
                        + ") ON CONFLICT (kind, value) DO NOTHING")
                .setParameter("k", SqlArrays.joined(claims.stream().map(c -> c[0]).toList()))
                .setParameter("v", SqlArrays.joined(claims.stream().map(c -> c[1]).toList()))
                .setParameter("i", SqlArrays.joined(claims.stream().map(c -> c[2]).toList()))
                .executeUpdate()))
                .map(inserted -> inserted == claims.size());
    }

    public static String key(String kind, String value) {
        return kind + '\u001f' + value;
    }

    public static List<String[]> withKol(List<String[]> claims, UUID kol) {
        List<String[]> result = new ArrayList<>();
        claims.forEach(c -> result.add(new String[] { c[0], c[1], kol.toString() }));
        return result;
    }
}
