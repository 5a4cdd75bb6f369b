package io.rapport.metrics.persistence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

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

    static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
