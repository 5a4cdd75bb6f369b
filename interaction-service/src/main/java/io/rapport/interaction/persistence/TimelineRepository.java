package io.rapport.interaction.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rapport.interaction.domain.TimelineEntry;
import io.rapport.platform.security.Visibility;
import io.rapport.platform.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A KOL's interactions, follow-ups and requests in one list, newest first: one UNION query, keyset-paged on
 * (at, key). The key is a hash of the entry, not its id, so a cursor cannot reveal the id of another team's
 * record shown only as a contact.
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

    /** One row of the page: the entry, and whether the caller may see the record behind it. */
    public record Row(TimelineEntry entry, boolean visible, String key) {
    }

    public Uni<List<Row>> page(UUID kolId, Visibility.Scope scope, PageRequest page, Instant afterAt, String afterKey) {
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
                + mine + " AS mine, md5(e.type || ':' || e.id) AS k FROM (" + ENTRIES + ") e) t "
                + "WHERE (t.mine OR (t.type = 'INTERACTION' AND t.status = 'COMPLETED'))");
        if (afterAt != null) {
            sql.append(" AND (t.at < :afterAt OR (t.at = :afterAt AND t.k < :afterKey))");
            params.put("afterAt", afterAt);
            params.put("afterKey", afterKey);
        }
        sql.append(" ORDER BY t.at DESC, t.k DESC LIMIT ").append(page.fetchSize());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(TimelineRepository::row).toList());
    }

    private static Row row(Object[] r) {
        boolean visible = Boolean.TRUE.equals(r[6]);
        Instant at = instant(r[2]);
        TimelineEntry entry = visible ? new TimelineEntry(TimelineEntry.Type.valueOf((String) r[0]),
                UUID.fromString((String) r[1]), at, (String) r[3], (String) r[4], (String) r[5])
                : TimelineEntry.contact(at, (String) r[5]);
        return new Row(entry, visible, (String) r[7]);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
