package io.rapport.metrics.persistence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.domain.Granularity;
import io.rapport.metrics.domain.Scope;
import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/**
 * Reads the live roll-ups and contacts of a scope and period. Every query reads only roll-up rows of the
 * period (indexed by key and day), so its cost follows the period and scope, not the length of the history.
 */
@ApplicationScoped
public class RollupReader {

    private static final String LIVE = Schemas.LIVE + ".";

    /** Distinct KOLs reached: met in a completed interaction, and reached with shared content. */
    public record Reach(long met, long content) {
        public static final Reach NONE = new Reach(0, 0);
    }

    /** The counters of each bucket of the period (bucket start date → counter → sum). */
    public Uni<Map<LocalDate, Map<String, Long>>> counters(Scope scope, LocalDate from, LocalDate to,
            Granularity granularity) {
        Map<String, Object> params = params(scope, from, to);
        String sql = "SELECT CAST(date_trunc('" + granularity.sqlField() + "', day) AS date), metric, sum(value) FROM "
                + rollup(scope) + " WHERE " + rollupWhere(scope) + " AND day BETWEEN :from AND :to GROUP BY 1, 2";
        return Sql.rows(sql, params).map(rows -> {
            Map<LocalDate, Map<String, Long>> buckets = new TreeMap<>();
            for (Object[] row : rows) {
                buckets.computeIfAbsent(date(row[0]), d -> new HashMap<>()).merge((String) row[1], Sql.asLong(row[2]),
                        Long::sum);
            }
            return buckets;
        });
    }

    /** Distinct KOLs reached in each bucket of the period. */
    public Uni<Map<LocalDate, Reach>> reach(Scope scope, LocalDate from, LocalDate to, Granularity granularity) {
        String bucket = granularity == null ? "CAST(:from AS date)"
                : "CAST(date_trunc('" + granularity.sqlField() + "', day) AS date)";
        String sql = "SELECT " + bucket + ", count(DISTINCT kol_id) FILTER (WHERE met > 0), "
                + "count(DISTINCT kol_id) FILTER (WHERE content > 0) FROM " + LIVE + "contact WHERE " + contactWhere(scope)
                + " AND day BETWEEN :from AND :to GROUP BY 1";
        return Sql.rows(sql, params(scope, from, to)).map(rows -> {
            Map<LocalDate, Reach> reach = new TreeMap<>();
            rows.forEach(row -> reach.put(date(row[0]), new Reach(Sql.asLong(row[1]), Sql.asLong(row[2]))));
            return reach;
        });
    }

    /**
     * Coverage: of the active KOLs (tier 1-2, or assigned to an MSL among {@code msls}; null = anyone), how many
     * an MSL in scope met in the period.
     */
    public Uni<long[]> coverage(boolean tierOneTwo, List<String> msls, String area, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        StringBuilder kols = new StringBuilder("k.status = 'ACTIVE'");
        if (tierOneTwo) {
            kols.append(" AND k.tier IN (1, 2)");
        } else if (msls != null) {
            kols.append(" AND k.assigned_msls && " + SqlArrays.textArray("msls"));
        } else {
            kols.append(" AND cardinality(k.assigned_msls) > 0");
        }
        if (area != null) {
            kols.append(" AND :area = ANY(k.therapeutic_areas)");
            params.put("area", area);
        }
        String met = "c.kol_id = k.kol_id AND c.met > 0 AND c.day BETWEEN :from AND :to"
                + (msls == null ? "" : " AND c.msl_id = ANY(" + SqlArrays.textArray("msls") + ")");
        if (msls != null) {
            params.put("msls", SqlArrays.joined(msls));
        }
        String sql = "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM " + LIVE + "contact c WHERE " + met
                + ")) FROM " + LIVE + "kol k WHERE " + kols;
        return Sql.rows(sql, params).map(rows -> new long[] { Sql.asLong(rows.get(0)[0]), Sql.asLong(rows.get(0)[1]) });
    }

    /** KOLs with conflicts of interest on file (now), among the active ones. */
    public Uni<Long> kolsWithConflictsOfInterest() {
        return Sql.column("SELECT count(*) FROM " + LIVE + "kol WHERE status = 'ACTIVE' AND conflicts_of_interest",
                Map.of(), Long.class).map(rows -> rows.isEmpty() ? 0L : rows.get(0));
    }

    private static String rollup(Scope scope) {
        return LIVE + switch (scope.kind()) {
            case MSL -> "rollup_msl";
            case KOL -> "rollup_kol";
            case TEAMS -> "rollup_team";
            case AREA -> "rollup_area";
        };
    }

    private static String rollupWhere(Scope scope) {
        String teams = scope.teams() == null ? "true" : "team = ANY(" + SqlArrays.textArray("teams") + ")";
        return switch (scope.kind()) {
            case MSL -> "msl_id = :msl";
            case KOL -> "kol_id = CAST(:kol AS uuid)";
            case TEAMS -> teams;
            case AREA -> "area = :area AND " + teams;
        };
    }

    private static String contactWhere(Scope scope) {
        String teams = scope.teams() == null ? "true" : "team = ANY(" + SqlArrays.textArray("teams") + ")";
        return switch (scope.kind()) {
            case MSL -> "msl_id = :msl";
            case KOL -> "kol_id = CAST(:kol AS uuid)";
            case TEAMS -> teams;
            case AREA -> teams + " AND kol_id IN (SELECT kol_id FROM " + LIVE + "kol WHERE :area = ANY(therapeutic_areas))";
        };
    }

    private static Map<String, Object> params(Scope scope, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        switch (scope.kind()) {
            case MSL -> params.put("msl", scope.msl());
            case KOL -> params.put("kol", scope.kol().toString());
            case AREA -> params.put("area", scope.area());
            default -> {
            }
        }
        if (scope.teams() != null && (scope.kind() == Scope.Kind.TEAMS || scope.kind() == Scope.Kind.AREA)) {
            params.put("teams", SqlArrays.joined(scope.teams()));
        }
        return params;
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
