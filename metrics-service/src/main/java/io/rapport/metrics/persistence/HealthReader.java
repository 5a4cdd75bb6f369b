package io.rapport.metrics.persistence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/** Reads relationship health from its table: lowest first, so the list says where to act next. */
@ApplicationScoped
public class HealthReader {

    /** One KOL's health and profile facts. */
    public record Row(UUID kolId, int score, int recency, int frequency, int feedback, int reciprocity,
            int responsiveness, LocalDate lastContact, int recentContacts, Integer tier, String country,
            List<String> assignedMsls, LocalDate computedOn) {
    }

    private static final String SELECT = "SELECT CAST(h.kol_id AS text), h.score, h.recency, h.frequency, h.feedback, "
            + "h.reciprocity, h.responsiveness, h.last_contact, h.recent_contacts, k.tier, k.country, "
            + "array_to_string(k.assigned_msls, chr(31)), h.computed_on FROM metrics.kol_health h "
            + "JOIN metrics.kol k ON k.kol_id = h.kol_id WHERE k.status = 'ACTIVE'";

    /**
     * Active KOLs (assigned to one of {@code msls}, or all when null) by health, lowest first; after the
     * {@code (score, kolId)} of the last row of the previous page.
     */
    public Uni<List<Row>> lowestFirst(List<String> msls, Integer afterScore, UUID afterKol, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT);
        if (msls != null) {
            sql.append(" AND k.assigned_msls && " + SqlArrays.textArray("msls"));
            params.put("msls", SqlArrays.joined(msls));
        }
        if (afterScore != null) {
            sql.append(" AND (h.score, h.kol_id) > (:score, CAST(:kol AS uuid))");
            params.put("score", afterScore);
            params.put("kol", afterKol.toString());
        }
        sql.append(" ORDER BY h.score, h.kol_id LIMIT ").append(limit);
        return Sql.rows(sql.toString(), params).map(rows -> rows.stream().map(HealthReader::row).toList());
    }

    public Uni<Row> of(UUID kolId) {
        return Sql.rows(SELECT + " AND h.kol_id = CAST(:kol AS uuid)", Map.of("kol", kolId.toString()))
                .map(rows -> rows.isEmpty() ? null : row(rows.get(0)));
    }

    /** The MSLs a KOL is assigned to (empty when unknown), for an MSL's access to the KOL's numbers. */
    public Uni<List<String>> assignedMsls(UUID kolId) {
        return Sql.column("SELECT array_to_string(assigned_msls, chr(31)) FROM metrics.kol WHERE kol_id = CAST(:kol AS uuid)",
                Map.of("kol", kolId.toString()), String.class)
                .map(rows -> rows.isEmpty() || rows.get(0) == null || rows.get(0).isEmpty() ? List.of()
                        : List.of(rows.get(0).split("\u001f")));
    }

    private static Row row(Object[] r) {
        String msls = (String) r[11];
        return new Row(UUID.fromString((String) r[0]), i(r[1]), i(r[2]), i(r[3]), i(r[4]), i(r[5]), i(r[6]),
                r[7] == null ? null : RollupReader.date(r[7]), i(r[8]), r[9] == null ? null : i(r[9]), (String) r[10],
                msls == null || msls.isEmpty() ? List.of() : List.of(msls.split("\u001f")), RollupReader.date(r[12]));
    }

    private static int i(Object value) {
        return ((Number) value).intValue();
    }
}
