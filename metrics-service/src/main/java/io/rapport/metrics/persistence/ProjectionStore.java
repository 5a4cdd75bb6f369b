package io.rapport.metrics.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.metrics.domain.Contribution;
import io.rapport.metrics.domain.Delta;
import io.rapport.platform.persistence.SqlArrays;
import io.smallrye.mutiny.Uni;

/**
 * The projection's writes, inside the consumer's transaction. Table names are unqualified on purpose: the
 * transaction's search_path says whether the live schema or a rebuild's shadow schema is written.
 */
@ApplicationScoped
public class ProjectionStore {

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

    /** One statement per table whatever the batch size: the rows travel as parallel arrays and unnest in SQL. */
    private Uni<Void> upsert(String table, String keyColumn, boolean withTeam, Map<Delta.Row, Long> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Delta.Row> keys = new ArrayList<>(rows.keySet());
        Map<String, Object> params = new HashMap<>();
        params.put("k", SqlArrays.joined(keys.stream().map(Delta.Row::key).toList()));
        params.put("d", SqlArrays.joined(keys.stream().map(Delta.Row::day).toList()));
        params.put("m", SqlArrays.joined(keys.stream().map(Delta.Row::metric).toList()));
        params.put("v", SqlArrays.joined(keys.stream().map(rows::get).toList()));
        if (withTeam) {
            params.put("t", SqlArrays.joined(keys.stream().map(Delta.Row::team).toList()));
        }
        String key = "kol_id".equals(keyColumn) ? SqlArrays.typedArray("k", "uuid") : SqlArrays.textArray("k");
        String team = withTeam ? ", team" : "";
        return Sql.update("INSERT INTO " + table + " (" + keyColumn + team + ", day, metric, value) SELECT * FROM unnest("
                + key + (withTeam ? ", " + SqlArrays.textArray("t") : "") + ", " + SqlArrays.typedArray("d", "date") + ", "
                + SqlArrays.textArray("m") + ", " + SqlArrays.typedArray("v", "bigint") + ") ON CONFLICT (" + keyColumn + team
                + ", day, metric) DO UPDATE SET value = " + table + ".value + excluded.value", params).replaceWithVoid();
    }

    private Uni<Void> contacts(Map<Delta.ContactKey, Delta.ContactChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Delta.ContactKey> keys = new ArrayList<>(changes.keySet());
        Map<String, Object> params = new HashMap<>();
        params.put("k", SqlArrays.joined(keys.stream().map(Delta.ContactKey::kol).toList()));
        params.put("m", SqlArrays.joined(keys.stream().map(Delta.ContactKey::msl).toList()));
        params.put("d", SqlArrays.joined(keys.stream().map(Delta.ContactKey::day).toList()));
        Map<String, Object> keyParams = new HashMap<>(params);
        params.put("t", SqlArrays.joined(keys.stream().map(k -> changes.get(k).team()).toList()));
        params.put("met", SqlArrays.joined(keys.stream().map(k -> changes.get(k).met()).toList()));
        params.put("c", SqlArrays.joined(keys.stream().map(k -> changes.get(k).content()).toList()));
        String rowKeys = SqlArrays.typedArray("k", "uuid") + ", " + SqlArrays.textArray("m") + ", "
                + SqlArrays.typedArray("d", "date");
        return Sql.update("INSERT INTO contact (kol_id, msl_id, day, team, met, content) SELECT * FROM unnest(" + rowKeys
                + ", " + SqlArrays.textArray("t") + ", " + SqlArrays.typedArray("met", "int") + ", "
                + SqlArrays.typedArray("c", "int")
                + ") ON CONFLICT (kol_id, msl_id, day) DO UPDATE SET team = excluded.team, "
                + "met = contact.met + excluded.met, content = contact.content + excluded.content", params)
                .chain(() -> Sql.update("DELETE FROM contact c USING unnest(" + rowKeys + ") AS r(kol_id, msl_id, day) "
                        + "WHERE c.kol_id = r.kol_id AND c.msl_id = r.msl_id AND c.day = r.day AND c.met <= 0 "
                        + "AND c.content <= 0", keyParams))
                .replaceWithVoid();
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
