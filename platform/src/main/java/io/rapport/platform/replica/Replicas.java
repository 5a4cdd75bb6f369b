package io.rapport.platform.replica;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Local copies of other services' aggregates, fed by their events. A copy changes only when the event is newer
 * than what is held (its {@code aggregateVersion}), so redeliveries and out-of-order events cannot roll it
 * back. Each service reads the copy through its own view record (a tolerant reader). Runs in the caller's
 * Hibernate Reactive session and transaction.
 */
@ApplicationScoped
public class Replicas {

    private static final ObjectMapper TOLERANT = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String UPSERT = "INSERT INTO replica (kind, id, version, data) "
            + "VALUES (:kind, :id, :version, CAST(CAST(:data AS text) AS jsonb)) ON CONFLICT (kind, id) DO UPDATE "
            + "SET version = excluded.version, data = excluded.data, updated_at = now() "
            + "WHERE replica.version < excluded.version";

    /** Applies the state if it is newer than the copy held; true when it was applied. */
    public Uni<Boolean> apply(String kind, String id, long version, JsonNode data) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("kind", kind).setParameter("id", id).setParameter("version", version)
                .setParameter("data", data.toString()).executeUpdate()).map(count -> count == 1);
    }

    /** The copy, read as {@code view}; null when none is held. */
    public <T> Uni<T> get(String kind, String id, Class<T> view) {
        return read("SELECT data::text FROM replica WHERE kind = :kind AND id = :id", kind, id, view);
    }

    /**
     * The copy, locked until the transaction ends: decisions that depend on it and on other rows (a frequency
     * cap) are then taken one at a time per aggregate.
     */
    public <T> Uni<T> lock(String kind, String id, Class<T> view) {
        return read("SELECT data::text FROM replica WHERE kind = :kind AND id = :id FOR UPDATE", kind, id, view);
    }

    /** The ids of the copies whose data has {@code field} equal to {@code value} (e.g. the MSLs of a manager). */
    public Uni<List<String>> idsWhere(String kind, String field, String value) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT id FROM replica WHERE kind = :kind AND data ->> :field = :value", String.class)
                .setParameter("kind", kind).setParameter("field", field).setParameter("value", value).getResultList());
    }

    /** The distinct values of {@code field} among copies whose {@code whereField} is {@code value}. */
    public Uni<List<String>> valuesWhere(String kind, String field, String whereField, String value) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT DISTINCT data ->> :field FROM "
                + "replica WHERE kind = :kind AND data ->> :where = :value", String.class)
                .setParameter("field", field).setParameter("kind", kind).setParameter("where", whereField)
                .setParameter("value", value).getResultList())
                .map(values -> values.stream().filter(java.util.Objects::nonNull).toList());
    }

    /** Which of these ids have a copy of this kind. */
    public Uni<List<String>> existing(String kind, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT id FROM replica WHERE kind = :kind AND id IN (:ids)", String.class)
                .setParameter("kind", kind).setParameter("ids", ids).getResultList());
    }

    /** All copies of a kind whose id is in {@code ids}, as views. */
    public <T> Uni<List<T>> getAll(String kind, List<String> ids, Class<T> view) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT data::text FROM replica WHERE kind = :kind AND id IN (:ids)", String.class)
                .setParameter("kind", kind).setParameter("ids", ids).getResultList())
                .map(rows -> rows.stream().map(json -> as(json, view)).toList());
    }

    private <T> Uni<T> read(String sql, String kind, String id, Class<T> view) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class)
                .setParameter("kind", kind).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : as(rows.get(0), view));
    }

    public static <T> T as(String json, Class<T> view) {
        try {
            return TOLERANT.readValue(json, view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable replica: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T as(JsonNode json, Class<T> view) {
        try {
            return TOLERANT.treeToValue(json, view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable replica: " + e.getOriginalMessage(), e);
        }
    }
}
