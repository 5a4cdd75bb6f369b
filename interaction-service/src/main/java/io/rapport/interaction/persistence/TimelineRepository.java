package io.rapport.interaction.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.interaction.domain.TimelineEntry;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/**
 * A KOL's interactions, follow-ups and requests in one list, newest first: one UNION query, paged from a time on.
 * A page continues at the entries of the previous page's last time, skipping those of that time already given
 * (they sort first among the entries of their time): nothing of an entry but its time reaches a cursor, so a
 * cursor cannot name, or link pages by, another team's record shown only as a contact.
 */
@ApplicationScoped
public class TimelineRepository {

    private static final String ENTRIES = """
            SELECT 'INTERACTION' AS type, CAST(id AS text) AS id, coalesce(occurred_at, planned_start) AS at, status,
                   channel AS detail, msl_id, team FROM interaction WHERE kol_id = :kol
            UNION ALL
            SELECT 'FOLLOW_UP', CAST(id AS text), created_at, status, kind, assignee, team FROM follow_up WHERE kol_id = :kol
            UNION ALL
            SELECT 'MEDICAL_REQUEST', CAST(id AS text), received_at, status, priority, msl_id, team
              FROM medical_request WHERE kol_id = :kol""";

    /**
     * Up to {@code limit} entries of the KOL the caller may see, newest first; from {@code at} on (included),
     * after the first {@code given} entries of that very time, when a cursor says so.
     */
    public Uni<List<TimelineEntry>> page(UUID kolId, Visibility.Scope scope, Instant at, int given, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("kol", kolId);
        String mine;
        if (scope.all()) {
            mine = "true";
        } else {
            params.put("self", scope.self());
            if (scope.teams().isEmpty()) {
                mine = "(e.msl_id = :self)";
            } else {
                mine = "(e.msl_id = :self OR e.team IN (:teams))";
                params.put("teams", List.copyOf(scope.teams()));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT e.type, e.id, e.at, e.status, e.detail, e.msl_id, "
                + mine + " AS mine FROM (" + ENTRIES + ") e) t "
                + "WHERE (t.mine OR (t.type = 'INTERACTION' AND t.status = 'COMPLETED'))");
        if (at != null) {
            sql.append(" AND t.at <= :at");
            params.put("at", at);
        }
        // (type, id) only orders the entries of one time the same way on every page; no cursor holds it
        sql.append(" ORDER BY t.at DESC, t.type DESC, t.id DESC OFFSET ").append(given).append(" LIMIT ").append(limit);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(TimelineRepository::entry).toList());
    }

    private static TimelineEntry entry(Object[] r) {
        Instant at = instant(r[2]);
        return Boolean.TRUE.equals(r[6]) ? new TimelineEntry(TimelineEntry.Type.valueOf((String) r[0]),
                UUID.fromString((String) r[1]), at, (String) r[3], (String) r[4], (String) r[5])
                : TimelineEntry.contact(at, (String) r[5]);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
