package io.rapport.kol.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.kol.domain.Kol;
import io.rapport.kol.domain.KolSearch;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** KOLs: loading one to change it (locked), and the search. */
@ApplicationScoped
public class KolRepository implements PanacheRepositoryBase<Kol, UUID> {

    /** Loads a KOL and locks its row until the transaction ends, so concurrent changes queue up. */
    public Uni<Kol> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Full-text search (ranked) and filters, keyset-paged. Without {@code q} the order is creation; with it,
     * the rank, highest first. Returns up to {@code page.fetchSize()} KOLs with their sort keys.
     */
    public Uni<List<Ranked>> search(KolSearch search, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String rank = "0";
        StringBuilder where = new StringBuilder("k.status <> 'ERASED'");
        if (search.q() != null) {
            params.put("q", search.q());
            where.append(
                    " AND (k.search @@ websearch_to_tsquery('english', :q) OR k.search @@ websearch_to_tsquery('simple', :q))");
            rank = "round(1000000 * (ts_rank(k.search, websearch_to_tsquery('english', :q)) "
                    + "+ ts_rank(k.search, websearch_to_tsquery('simple', :q))))::bigint";
        }
        filter(where, params, "status", search.status(), "k.status = :status");
        filter(where, params, "tier", search.tier(), "k.tier = :tier");
        filter(where, params, "country", search.country(), "k.country = :country");
        filter(where, params, "ta", search.therapeuticArea(),
                "k.profile @> jsonb_build_object('therapeuticAreas', jsonb_build_array(CAST(:ta AS text)))");
        filter(where, params, "specialty", search.specialty(),
                "k.profile @> jsonb_build_object('specialties', jsonb_build_array(CAST(:specialty AS text)))");
        filter(where, params, "msl", search.assignedMsl(), "k.assigned_msls @> jsonb_build_array(CAST(:msl AS text))");
        String order;
        if (search.q() != null) {
            order = "rank DESC, k.id";
            if (!page.keyOf(2).isFirst()) {
                where.append(" AND (" + rank + " < :afterRank OR (" + rank + " = :afterRank AND k.id > :afterId))");
                params.put("afterRank", page.afterLong(0));
                params.put("afterId", page.afterUuid(1));
            }
        } else {
            order = "k.created_at, k.id";
            if (!page.keyOf(2).isFirst()) {
                where.append(" AND (k.created_at > :afterTime OR (k.created_at = :afterTime AND k.id > :afterId))");
                params.put("afterTime", page.afterInstant(0));
                params.put("afterId", page.afterUuid(1));
            }
        }
        String sql = "SELECT CAST(k.id AS text), " + rank + " AS rank FROM kol k WHERE " + where + " ORDER BY " + order
                + " LIMIT " + page.fetchSize();
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).chain(this::load);
    }

    private Uni<List<Ranked>> load(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<UUID, Long> ranks = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = UUID.fromString((String) row[0]);
            ids.add(id);
            ranks.put(id, ((Number) row[1]).longValue());
        }
        return list("id in ?1", ids).map(kols -> kols.stream()
                .map(kol -> new Ranked(kol, ranks.get(kol.id())))
                .sorted(Comparator.comparingInt(r -> ids.indexOf(r.kol().id())))
                .toList());
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String name, Object value, String clause) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    /** A search hit with its rank (0 without a query). */
    public record Ranked(Kol kol, long rank) {
    }
}
