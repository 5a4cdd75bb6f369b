package io.rapport.metrics.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.config.MetricsConfig;
import io.rapport.metrics.domain.Facts;
import io.rapport.metrics.domain.HealthScore;
import io.rapport.platform.persistence.SqlArrays;
import io.rapport.platform.security.Pseudonyms;
import io.smallrye.mutiny.Uni;

/**
 * The KOLs as kol-service publishes them (tier, status, areas, assigned MSLs), their relationship health, and
 * their erasure. Unqualified tables: the transaction's search_path picks the schema.
 */
@ApplicationScoped
public class KolStore {

    private final Pseudonyms pseudonyms;

    public KolStore(MetricsConfig config) {
        this.pseudonyms = new Pseudonyms(config.pseudonymKey(), "metrics-service");
    }

    /** Applies a KOL's state unless a newer one was applied; true when applied. */
    public Uni<Boolean> apply(Facts.Kol kol) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", kol.kolId().toString());
        params.put("status", kol.status());
        params.put("tier", kol.tier());
        params.put("country", kol.country());
        params.put("areas", String.join("\u001f", kol.areas()));
        params.put("msls", String.join("\u001f", kol.msls()));
        params.put("coi", Boolean.TRUE.equals(kol.conflictsOfInterestDeclared()));
        params.put("version", kol.aggregateVersion());
        return Sql.update("INSERT INTO kol (kol_id, status, tier, country, therapeutic_areas, assigned_msls, "
                + "conflicts_of_interest, version) VALUES (CAST(:id AS uuid), :status, CAST(:tier AS int), :country, "
                + "coalesce(string_to_array(NULLIF(:areas, ''), chr(31)), '{}'), "
                + "coalesce(string_to_array(NULLIF(:msls, ''), chr(31)), '{}'), :coi, :version) "
                + "ON CONFLICT (kol_id) DO UPDATE SET status = excluded.status, tier = excluded.tier, "
                + "country = excluded.country, therapeutic_areas = excluded.therapeutic_areas, "
                + "assigned_msls = excluded.assigned_msls, conflicts_of_interest = excluded.conflicts_of_interest, "
                + "version = excluded.version WHERE kol.version < excluded.version AND kol.status <> 'ERASED'", params)
                .map(count -> count == 1);
    }

    /**
     * GDPR Art. 17: the KOL's profile and health go (a tombstone keeps the id and version, so a late older event
     * cannot bring them back, and nothing else); what they contributed is re-keyed to a keyed pseudonym nothing
     * links back to without the service's key, so every count stays (KOLs reached included) and no personal
     * data remains.
     *
     * @return the erasure: how many of the KOL's own records (profile, health) were erased now, and the ids of the
     *         counted aggregates re-keyed now
     */
    public Uni<Erased> erase(UUID kolId, long version) {
        Map<String, Object> old = Map.of("old", kolId.toString());
        return Sql.update("DELETE FROM kol WHERE kol_id = CAST(:old AS uuid) AND status <> 'ERASED'", old)
                .chain(profiles -> Sql.update("INSERT INTO kol (kol_id, status, tier, country, therapeutic_areas, "
                        + "assigned_msls, conflicts_of_interest, version) VALUES (CAST(:old AS uuid), 'ERASED', NULL, NULL, "
                        + "'{}', '{}', false, :version) ON CONFLICT (kol_id) DO UPDATE SET "
                        + "version = GREATEST(kol.version, excluded.version)",
                        Map.of("old", kolId.toString(), "version", version))
                        .chain(() -> rekey(kolId))
                        .map(rekeyed -> new Erased(profiles + rekeyed.kolRecords(), rekeyed.aggregates())));
    }

    /**
     * What an erasure changed: the KOL's own records erased (profile, health: each keyed by the KOL's id), and the
     * ids of the counted aggregates re-keyed.
     */
    public record Erased(int kolRecords, List<String> aggregates) {
    }

    /**
     * Moves everything recorded under the KOL's id to the KOL's pseudonym (the same each time, so counts of
     * distinct KOLs stay right when late events are re-keyed too), merging rows that already exist there.
     */
    private Uni<Erased> rekey(UUID kolId) {
        Map<String, Object> old = Map.of("old", kolId.toString());
        Map<String, Object> params = Map.of("old", kolId.toString(), "new", pseudonyms.of(kolId).toString());
        return Sql.update("DELETE FROM kol_health WHERE kol_id = CAST(:old AS uuid)", old).chain(health -> Sql.column(
                "SELECT aggregate_id FROM contribution WHERE kol_id = CAST(:old AS uuid)", old, String.class)
                .call(() -> Sql.update("UPDATE contribution SET kol_id = CAST(:new AS uuid), "
                        + "facts = CAST(replace(CAST(facts AS text), :old, :new) AS jsonb) WHERE kol_id = CAST(:old AS uuid)",
                        params))
                .call(() -> Sql.update("INSERT INTO rollup_kol (kol_id, day, metric, value) SELECT CAST(:new AS uuid), day, "
                        + "metric, value FROM rollup_kol WHERE kol_id = CAST(:old AS uuid) ON CONFLICT (kol_id, day, metric) "
                        + "DO UPDATE SET value = rollup_kol.value + excluded.value", params))
                .call(() -> Sql.update("DELETE FROM rollup_kol WHERE kol_id = CAST(:old AS uuid)", old))
                .call(() -> Sql.update("INSERT INTO contact (kol_id, msl_id, day, team, met, content) SELECT "
                        + "CAST(:new AS uuid), msl_id, day, team, met, content FROM contact WHERE kol_id = CAST(:old AS uuid) "
                        + "ON CONFLICT (kol_id, msl_id, day) DO UPDATE SET met = contact.met + excluded.met, "
                        + "content = contact.content + excluded.content", params))
                .call(() -> Sql.update("DELETE FROM contact WHERE kol_id = CAST(:old AS uuid)", old))
                .map(aggregates -> new Erased(health, aggregates)));
    }

    /**
     * Events are ordered per aggregate, not across topics: an interaction of an erased KOL may arrive after the
     * erasure. Whatever such events wrote under the KOL's id is re-keyed like the rest.
     */
    public Uni<Void> eraseLateArrivals(Collection<UUID> touched) {
        if (touched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.column(
                "SELECT CAST(kol_id AS text) FROM kol WHERE status = 'ERASED' AND kol_id = ANY("
                        + SqlArrays.typedArray("ids", "uuid") + ")",
                Map.of("ids", SqlArrays.joined(touched)), String.class).chain(erased -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String id : erased) {
                        chain = chain.chain(() -> rekey(UUID.fromString(id)).replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** The KOLs whose health is older than {@code today}, for the sweep. */
    public Uni<List<UUID>> staleHealth(LocalDate today, int limit) {
        return Sql.column("SELECT CAST(k.kol_id AS text) FROM kol k LEFT JOIN kol_health h ON h.kol_id = k.kol_id "
                + "WHERE k.status = 'ACTIVE' AND (h.kol_id IS NULL OR h.computed_on < :today) ORDER BY k.kol_id LIMIT "
                + limit, Map.of("today", today), String.class)
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    /** Recomputes the health of these KOLs as of {@code today}; inactive or unknown ones have none. */
    public Uni<Void> refreshHealth(Collection<UUID> kolIds, LocalDate today, Function<Integer, Integer> tierTarget) {
        if (kolIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String ids = SqlArrays.joined(kolIds);
        Map<String, Object> params = Map.of("ids", ids, "today", today);
        return Sql
                .update("DELETE FROM kol_health h WHERE h.kol_id = ANY(" + SqlArrays.typedArray("ids", "uuid")
                        + ") AND NOT EXISTS "
                        + "(SELECT 1 FROM kol k WHERE k.kol_id = h.kol_id AND k.status = 'ACTIVE')", Map.of("ids", ids))
                .chain(() -> Sql.rows(INPUTS, params))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem() : saveHealth(rows, today, tierTarget));
    }

    private static final String INPUTS = "SELECT CAST(k.kol_id AS text), k.tier, "
            + "(SELECT max(c.day) FROM contact c WHERE c.kol_id = k.kol_id AND c.met > 0 AND c.day <= :today), "
            + "(SELECT coalesce(sum(c.met), 0) FROM contact c WHERE c.kol_id = k.kol_id AND c.day > CAST(:today AS date) - 90 "
            + "AND c.day <= :today), "
            + "coalesce(r.feedback_sum, 0), coalesce(r.feedback_count, 0), coalesce(r.insights, 0), coalesce(r.completed, 0), "
            + "coalesce(r.answered, 0), coalesce(r.on_time, 0) "
            + "FROM kol k LEFT JOIN LATERAL (SELECT "
            + "sum(value) FILTER (WHERE metric = 'feedback.sum') AS feedback_sum, "
            + "sum(value) FILTER (WHERE metric = 'feedback.count') AS feedback_count, "
            + "sum(value) FILTER (WHERE metric = 'insights.submitted') AS insights, "
            + "sum(value) FILTER (WHERE metric = 'interactions.completed') AS completed, "
            + "sum(value) FILTER (WHERE metric = 'medical-requests.answered') AS answered, "
            + "sum(value) FILTER (WHERE metric = 'medical-requests.answered-on-time') AS on_time "
            + "FROM rollup_kol r WHERE r.kol_id = k.kol_id AND r.day > CAST(:today AS date) - 365 AND r.day <= :today "
            + "AND r.metric IN ('feedback.sum', 'feedback.count', 'insights.submitted', 'interactions.completed', "
            + "'medical-requests.answered', 'medical-requests.answered-on-time')) r ON true "
            + "WHERE k.kol_id = ANY(" + SqlArrays.typedArray("ids", "uuid") + ") AND k.status = 'ACTIVE'";

    private Uni<Void> saveHealth(List<Object[]> rows, LocalDate today, Function<Integer, Integer> tierTarget) {
        String[] columns = { "kol_id", "score", "recency", "frequency", "feedback", "reciprocity", "responsiveness",
                "last_contact", "recent_contacts" };
        String[] types = { "uuid", "int", "int", "int", "int", "int", "int", "date", "bigint" };
        List<List<Object>> values = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            values.add(new ArrayList<>());
        }
        for (Object[] r : rows) {
            Integer tier = r[1] == null ? null : ((Number) r[1]).intValue();
            LocalDate last = toLocalDate(r[2]);
            HealthScore score = HealthScore.of(new HealthScore.Inputs(last, Sql.asLong(r[3]), tierTarget.apply(tier),
                    Sql.asLong(r[4]), Sql.asLong(r[5]), Sql.asLong(r[6]), Sql.asLong(r[7]), Sql.asLong(r[8]),
                    Sql.asLong(r[9])), today);
            Object[] row = { r[0], score.score(), score.recency(), score.frequency(), score.feedback(),
                    score.reciprocity(), score.responsiveness(), last, Sql.asLong(r[3]) };
            for (int c = 0; c < columns.length; c++) {
                values.get(c).add(row[c]);
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        List<String> arrays = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            params.put(columns[c], SqlArrays.joined(values.get(c)));
            arrays.add(SqlArrays.typedArray(columns[c], types[c]));
        }
        List<String> updates = java.util.Arrays.stream(columns).skip(1).map(c -> c + " = excluded." + c).toList();
        return Sql.update("INSERT INTO kol_health (" + String.join(", ", columns) + ", computed_on) SELECT *, :today "
                + "FROM unnest(" + String.join(", ", arrays) + ") ON CONFLICT (kol_id) DO UPDATE SET "
                + String.join(", ", updates) + ", computed_on = excluded.computed_on", params).replaceWithVoid();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
