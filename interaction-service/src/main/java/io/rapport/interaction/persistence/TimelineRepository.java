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

/** A KOL's interactions, follow-ups and requests in one list, newest first: one UNION query, keyset-paged. */
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

    public Uni<List<TimelineEntry>> page(UUID kolId, Visibility.Scope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("kol", kolId);
        StringBuilder sql = new StringBuilder("SELECT type, id, at, status, detail FROM (" + ENTRIES + ") e WHERE true");
        if (!scope.all()) {
            params.put("self", scope.self());
            if (scope.teams().isEmpty()) {
                sql.append(" AND e.msl_id = :self");
            } else {
                sql.append(" AND (e.msl_id = :self OR e.team IN (:teams))");
                params.put("teams", List.copyOf(scope.teams()));
            }
        }
        if (!page.isFirst()) {
            sql.append(" AND (e.at < :afterAt OR (e.at = :afterAt AND e.id < :afterId))");
            params.put("afterAt", Instant.parse(page.after(0)));
            params.put("afterId", page.after(1));
        }
        sql.append(" ORDER BY e.at DESC, e.id DESC LIMIT ").append(page.fetchSize());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> new TimelineEntry(TimelineEntry.Type.valueOf((String) r[0]),
                UUID.fromString((String) r[1]), instant(r[2]), (String) r[3], (String) r[4])).toList());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
