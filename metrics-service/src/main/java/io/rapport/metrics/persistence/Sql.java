package io.rapport.metrics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Native SQL on the current Hibernate Reactive session (inside the caller's transaction or session). */
final class Sql {

    private Sql() {
    }

    static Uni<Integer> update(String sql, Map<String, Object> params) {
        Map<String, Object> bound = new HashMap<>();
        String text = withDates(sql, params, bound);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(text);
            bound.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }

    static Uni<List<Object[]>> rows(String sql, Map<String, Object> params) {
        Map<String, Object> bound = new HashMap<>();
        String text = withDates(sql, params, bound);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(text, Object[].class);
            bound.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    static <T> Uni<List<T>> column(String sql, Map<String, Object> params, Class<T> type) {
        Map<String, Object> bound = new HashMap<>();
        String text = withDates(sql, params, bound);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(text, type);
            bound.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /**
     * Dates travel as ISO text cast in SQL: bound as LocalDate, a native query parameter reaches the reactive
     * driver as text, which it refuses for a parameter PostgreSQL typed as date.
     */
    private static String withDates(String sql, Map<String, Object> params, Map<String, Object> bound) {
        String text = sql;
        for (Map.Entry<String, Object> param : params.entrySet()) {
            if (param.getValue() instanceof LocalDate date) {
                text = text.replaceAll(":" + param.getKey() + "(?![A-Za-z0-9_])",
                        "CAST(CAST(:" + param.getKey() + " AS text) AS date)");
                bound.put(param.getKey(), date.toString());
            } else {
                bound.put(param.getKey(), param.getValue());
            }
        }
        return text;
    }

    /**
     * Values to bind as one text parameter and split in SQL: {@code string_to_array(:p, chr(31))} (a text[]),
     * cast to uuid[] for ids. The unit separator never occurs in ids, team names or codes.
     */
    static String joined(java.util.Collection<?> values) {
        return String.join("\u001f", values.stream().map(String::valueOf).toList());
    }

    /** The SQL that turns a {@link #joined} parameter into a text[]. */
    static String textArray(String param) {
        return "string_to_array(:" + param + ", chr(31))";
    }

    /** The SQL that turns a {@link #joined} parameter into a uuid[]. */
    static String uuidArray(String param) {
        return "CAST(string_to_array(:" + param + ", chr(31)) AS uuid[])";
    }

    static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
