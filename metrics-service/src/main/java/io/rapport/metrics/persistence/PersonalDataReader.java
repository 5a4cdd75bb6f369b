package io.rapport.metrics.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Everything the live tables hold under one KOL id (GDPR Art. 15): the profile facts, the relationship health,
 * the daily counters, the contacts with MSLs and each counted record's contribution. After an erasure only the
 * tombstone is left: the rest moved to the KOL's pseudonym, which nothing links back to.
 */
@ApplicationScoped
public class PersonalDataReader {

    private static final String LIVE = Schemas.LIVE + ".";

    public Uni<List<Object[]>> profile(UUID kolId) {
        return Sql.rows("SELECT status, tier, country, array_to_string(therapeutic_areas, chr(31)), "
                + "array_to_string(assigned_msls, chr(31)), conflicts_of_interest, version FROM " + LIVE + "kol "
                + "WHERE kol_id = CAST(:kol AS uuid)", kol(kolId));
    }

    public Uni<List<Object[]>> health(UUID kolId) {
        return Sql.rows("SELECT score, recency, frequency, feedback, reciprocity, responsiveness, last_contact, "
                + "recent_contacts, computed_on FROM " + LIVE + "kol_health WHERE kol_id = CAST(:kol AS uuid)", kol(kolId));
    }

    public Uni<List<Object[]>> dailyCounters(UUID kolId) {
        return Sql.rows("SELECT day, metric, value FROM " + LIVE + "rollup_kol WHERE kol_id = CAST(:kol AS uuid) "
                + "ORDER BY day, metric", kol(kolId));
    }

    public Uni<List<Object[]>> contacts(UUID kolId) {
        return Sql.rows("SELECT day, msl_id, team, met, content FROM " + LIVE + "contact WHERE kol_id = CAST(:kol AS uuid) "
                + "ORDER BY day, msl_id", kol(kolId));
    }

    public Uni<List<Object[]>> countedRecords(UUID kolId) {
        return Sql.rows("SELECT kind, aggregate_id, version, CAST(facts AS text) FROM " + LIVE + "contribution "
                + "WHERE kol_id = CAST(:kol AS uuid) ORDER BY kind, aggregate_id", kol(kolId));
    }

    private static Map<String, Object> kol(UUID kolId) {
        return Map.of("kol", kolId.toString());
    }
}
