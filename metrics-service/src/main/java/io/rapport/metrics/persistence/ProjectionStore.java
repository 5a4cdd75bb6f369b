package io.rapport.metrics.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.metrics.domain.Contribution;
import io.rapport.metrics.domain.Delta;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The projection's writes, inside the consumer's transaction. Table names are unqualified on purpose: the
 * transaction's search_path says whether the live schema or a rebuild's shadow schema is written.
 */
@ApplicationScoped
public class ProjectionStore {

    /** Rows per statement: well under PostgreSQL's 65535 bind parameters. */
    private static final int CHUNK = 1000;

    private final ObjectMapper json;

    public ProjectionStore(ObjectMapper json) {
        this.json = json;
    }

    /** An aggregate's applied version and contribution, locked until the transaction ends. */
    public record Applied(long version, Contribution contribution) {
    }

    public Uni<Void> useSchema(String schema) {
        return Sql.update("SET LOCAL search_path TO " + Schemas.checked(schema) + ", public", Map.of()).replaceWithVoid();
    }

    public Uni<Applied> applied(String kind, String aggregateId) {
        return Sql.rows("SELECT version, CAST(facts AS text) FROM contribution WHERE kind = :kind AND aggregate_id = :id "
                + "FOR UPDATE", Map.of("kind", kind, "id", aggregateId))
                .map(rows -> rows.isEmpty() ? null : new Applied(Sql.asLong(rows.get(0)[0]), read((String) rows.get(0)[1])));
    }

    public Uni<Void> save(String kind, String aggregateId, long version, Contribution contribution) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind);
        params.put("id", aggregateId);
        params.put("version", version);
        params.put("kol", contribution.kol() == null ? null : contribution.kol().toString());
        params.put("facts", write(contribution));
        return Sql.update("INSERT INTO contribution (kind, aggregate_id, version, kol_id, facts) VALUES (:kind, :id, "
                + ":version, CAST(:kol AS uuid), CAST(CAST(:facts AS text) AS jsonb)) ON CONFLICT (kind, aggregate_id) DO UPDATE SET "
                + "version = excluded.version, kol_id = excluded.kol_id, facts = excluded.facts", params).replaceWithVoid();
    }

    /** Writes the summed changes: atomic upserts in key order, so concurrent consumers neither lose nor deadlock. */
    public Uni<Void> flush(Delta delta) {
        return upsert("rollup_msl", "msl_id", false, delta.msl())
                .chain(() -> upsert("rollup_team", "team", false, delta.team()))
                .chain(() -> upsert("rollup_kol", "kol_id", false, delta.kol()))
                .chain(() -> upsert("rollup_area", "area", true, delta.area()))
                .chain(() -> contacts(delta.contacts()));
    }

    /** How far this schema has read each partition. */
    public Uni<Void> positions(Map<String, Map<Integer, Long>> nextOffsets) {
        List<String> values = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (var topic : nextOffsets.entrySet()) {
            for (var partition : topic.getValue().entrySet()) {
                values.add("(:t" + i + ", :p" + i + ", :o" + i + ")");
                params.put("t" + i, topic.getKey());
                params.put("p" + i, partition.getKey());
                params.put("o" + i, partition.getValue());
                i++;
            }
        }
        if (values.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Sql.update("INSERT INTO consumer_position (topic, partition, next_offset) VALUES " + String.join(", ", values)
                + " ON CONFLICT (topic, partition) DO UPDATE SET next_offset = "
                + "GREATEST(consumer_position.next_offset, excluded.next_offset)", params).replaceWithVoid();
    }

    private Uni<Void> upsert(String table, String keyColumn, boolean withTeam, Map<Delta.Row, Long> rows) {
        List<Map.Entry<Delta.Row, Long>> entries = new ArrayList<>(rows.entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int start = 0; start < entries.size(); start += CHUNK) {
            List<Map.Entry<Delta.Row, Long>> chunk = entries.subList(start, Math.min(entries.size(), start + CHUNK));
            chain = chain.chain(() -> upsertChunk(table, keyColumn, withTeam, chunk));
        }
        return chain;
    }

    private Uni<Void> upsertChunk(String table, String keyColumn, boolean withTeam, List<Map.Entry<Delta.Row, Long>> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(keyColumn)
                .append(withTeam ? ", team" : "").append(", day, metric, value) VALUES ");
        Map<String, Object> params = new HashMap<>();
        String key = "kol_id".equals(keyColumn) ? "CAST(:k%d AS uuid)" : ":k%d";
        for (int i = 0; i < rows.size(); i++) {
            Delta.Row row = rows.get(i).getKey();
            sql.append(i == 0 ? "(" : ", (").append(String.format(key, i)).append(withTeam ? ", :t" + i : "")
                    .append(", :d").append(i).append(", :m").append(i).append(", :v").append(i).append(')');
            params.put("k" + i, row.key());
            if (withTeam) {
                params.put("t" + i, row.team());
            }
            params.put("d" + i, row.day());
            params.put("m" + i, row.metric());
            params.put("v" + i, rows.get(i).getValue());
        }
        sql.append(" ON CONFLICT (").append(keyColumn).append(withTeam ? ", team" : "")
                .append(", day, metric) DO UPDATE SET value = ").append(table).append(".value + excluded.value");
        return Sql.update(sql.toString(), params).replaceWithVoid();
    }

    private Uni<Void> contacts(Map<Delta.ContactKey, Delta.ContactChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<Delta.ContactKey, Delta.ContactChange>> entries = new ArrayList<>(changes.entrySet());
        StringBuilder sql = new StringBuilder("INSERT INTO contact (kol_id, msl_id, day, team, met, content) VALUES ");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Delta.ContactKey key = entries.get(i).getKey();
            Delta.ContactChange change = entries.get(i).getValue();
            sql.append(i == 0 ? "" : ", ").append("(CAST(:k").append(i).append(" AS uuid), :m").append(i).append(", :d")
                    .append(i).append(", :t").append(i).append(", :met").append(i).append(", :c").append(i).append(')');
            params.put("k" + i, key.kol().toString());
            params.put("m" + i, key.msl());
            params.put("d" + i, key.day());
            params.put("t" + i, change.team());
            params.put("met" + i, change.met());
            params.put("c" + i, change.content());
        }
        sql.append(" ON CONFLICT (kol_id, msl_id, day) DO UPDATE SET team = excluded.team, "
                + "met = contact.met + excluded.met, content = contact.content + excluded.content");
        return Sql.update(sql.toString(), params)
                .chain(() -> Sql.update("DELETE FROM contact WHERE met <= 0 AND content <= 0 AND (kol_id, msl_id, day) IN ("
                        + inList(entries.size()) + ")", keyParams(entries)))
                .replaceWithVoid();
    }

    private static String inList(int size) {
        List<String> tuples = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            tuples.add("(CAST(:k" + i + " AS uuid), :m" + i + ", :d" + i + ")");
        }
        return String.join(", ", tuples);
    }

    private static Map<String, Object> keyParams(List<Map.Entry<Delta.ContactKey, Delta.ContactChange>> entries) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Delta.ContactKey key = entries.get(i).getKey();
            params.put("k" + i, key.kol().toString());
            params.put("m" + i, key.msl());
            params.put("d" + i, key.day());
        }
        return params;
    }

    private Contribution read(String facts) {
        try {
            return json.readValue(facts, Contribution.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable contribution " + facts, e);
        }
    }

    private String write(Contribution contribution) {
        try {
            return json.writeValueAsString(contribution);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
