package io.rapport.insight.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.insight.domain.Insight;
import io.rapport.insight.domain.InsightAccess;
import io.rapport.insight.domain.InsightSearch;
import io.rapport.insight.domain.Theme;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** Insights: locking one, endorsing, the ranked search, and the themes of a period. */
@ApplicationScoped
public class InsightRepository implements PanacheRepositoryBase<Insight, UUID> {

    /** Shared insights (submitted, validated, actioned): what themes count. */
    private static final String SHARED = "status IN ('SUBMITTED', 'VALIDATED', 'ACTIONED')";

    public Uni<Insight> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Records one endorsement per MSL; false when this MSL already endorsed it. */
    public Uni<Boolean> endorse(UUID insight, String msl) {
        return getSession().chain(session -> session.createNativeQuery("INSERT INTO insight_endorsement (insight_id, "
                + "msl_id, endorsed_at) VALUES (:insight, :msl, now()) ON CONFLICT DO NOTHING")
                .setParameter("insight", insight).setParameter("msl", msl).executeUpdate()).map(count -> count == 1);
    }

    /**
     * Ranked by relevance times endorsements when searching words (so strong signals rise), newest first
     * otherwise; within what the scope sees.
     */
    public Uni<List<Ranked>> search(InsightSearch search, InsightAccess.Scope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        params.put("self", scope.self());
        String shared = scope.drafts() ? "true" : "i.status <> 'DRAFT'";
        String teams = scope.allTeams() ? "true" : scope.teams().isEmpty() ? "false" : "i.team IN (:teams)";
        if (!scope.allTeams() && !scope.teams().isEmpty()) {
            params.put("teams", List.copyOf(scope.teams()));
        }
        where.add("(i.author = :self OR (" + shared + " AND " + teams + "))");
        String rank = "0";
        if (search.q() != null) {
            params.put("q", search.q());
            where.add("i.search @@ websearch_to_tsquery('english', :q)");
            rank = "round(1000000 * ts_rank(i.search, websearch_to_tsquery('english', :q)) * (1 + ln(1 + i.endorsements)))::bigint";
        }
        add(where, params, "i.status = :status", "status", search.status() == null ? null : search.status().name());
        add(where, params, "i.category = :category", "category", search.category() == null ? null : search.category().name());
        add(where, params, "i.therapeutic_area = :area", "area", search.therapeuticArea());
        add(where, params, "i.tags @> jsonb_build_array(CAST(:tag AS text))", "tag", search.tag());
        add(where, params, "i.kol_id = :kol", "kol", search.kolId());
        add(where, params, "i.author = :author", "author", search.author());
        add(where, params, "i.team = :team", "team", search.team());
        add(where, params, "i.created_at >= :from", "from", search.from());
        add(where, params, "i.created_at < :to", "to", search.to());
        String order;
        if (search.q() != null) {
            order = "rank DESC, i.id";
            if (!page.keyOf(2).isFirst()) {
                where.add("(" + rank + " < :afterRank OR (" + rank + " = :afterRank AND i.id > :afterId))");
                params.put("afterRank", page.afterLong(0));
                params.put("afterId", page.afterUuid(1));
            }
        } else {
            order = "i.created_at DESC, i.id DESC";
            if (!page.keyOf(2).isFirst()) {
                where.add("(i.created_at < :afterTime OR (i.created_at = :afterTime AND i.id < :afterId))");
                params.put("afterTime", page.afterInstant(0));
                params.put("afterId", page.afterUuid(1));
            }
        }
        String sql = "SELECT CAST(i.id AS text), " + rank + " AS rank FROM insight i WHERE " + String.join(" AND ", where)
                + " ORDER BY " + order + " LIMIT " + page.fetchSize();
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.<Ranked> of());
            }
            List<UUID> ids = rows.stream().map(r -> UUID.fromString((String) r[0])).toList();
            Map<UUID, Long> ranks = new HashMap<>();
            rows.forEach(r -> ranks.put(UUID.fromString((String) r[0]), ((Number) r[1]).longValue()));
            return list("id in ?1", ids).map(found -> found.stream().map(i -> new Ranked(i, ranks.get(i.id())))
                    .sorted(Comparator.comparingInt(r -> ids.indexOf(r.insight().id()))).toList());
        });
    }

    /** Counts per tag (or category) of shared insights submitted in [from, to) and in the period before. */
    public Uni<List<Theme>> themes(String dimension, ThemePeriod period, int limit) {
        String therapeuticArea = period.therapeuticArea();
        InsightAccess.Scope scope = period.scope();
        Instant from = period.from();
        Instant to = period.to();
        Instant previousFrom = from.minus(java.time.Duration.between(from, to));
        String value = "tags".equals(dimension) ? "t.value" : "i.category";
        String join = "tags".equals(dimension) ? ", jsonb_array_elements_text(i.tags) AS t(value)" : "";
        String area = therapeuticArea == null ? "" : " AND i.therapeutic_area = :area";
        // Only what the caller may see counts: another team's insights are not theirs to read, even as counts.
        String seen = scope.allTeams() ? ""
                : scope.teams().isEmpty() ? " AND i.author = :self"
                        : " AND (i.author = :self OR i.team IN (:teams))";
        String sql = "SELECT " + value + " AS theme, "
                + "count(*) FILTER (WHERE i.submitted_at >= :from AND i.submitted_at < :to) AS current, "
                + "count(*) FILTER (WHERE i.submitted_at >= :previousFrom AND i.submitted_at < :from) AS previous "
                + "FROM insight i" + join + " WHERE i." + SHARED + " AND i.submitted_at >= :previousFrom "
                + "AND i.submitted_at < :to" + area + seen + " GROUP BY 1 ORDER BY current DESC, previous DESC, theme LIMIT "
                + limit;
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("from", from).setParameter("to", to)
                    .setParameter("previousFrom", previousFrom);
            if (therapeuticArea != null) {
                query.setParameter("area", therapeuticArea);
            }
            if (!scope.allTeams()) {
                query.setParameter("self", scope.self());
                if (!scope.teams().isEmpty()) {
                    query.setParameter("teams", List.copyOf(scope.teams()));
                }
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> Theme.of((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList());
    }

    /** Every insight naming one of these KOL ids (the KOL, and the pseudonym of what is held about them). */
    public Uni<List<Insight>> ofKol(java.util.Collection<UUID> kolIds) {
        return list("kolId in ?1 order by createdAt, id", List.copyOf(kolIds));
    }

    private static void add(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    /** The insights themes are counted over: a period [from, to), in one therapeutic area or all, as the scope sees them. */
    public record ThemePeriod(String therapeuticArea, InsightAccess.Scope scope, Instant from, Instant to) {
    }

    /** A search hit with its rank (0 without words). */
    public record Ranked(Insight insight, long rank) {
    }
}
