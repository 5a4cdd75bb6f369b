package io.rapport.platform.persistence;

import java.util.Collection;

/**
 * Set-at-a-time native SQL with a fixed text: a batch's values travel as one text parameter per column
 * ({@link #joined}) and become arrays in SQL ({@code unnest}, {@code = ANY}). A statement with a parameter per
 * value has a different text for every batch size: Hibernate parses each one and keeps it in its query plan
 * cache, which cost most of the CPU and filled the heap of a consumer applying batches of a thousand events.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * The values joined by the unit separator, null as the record separator: neither occurs in ids, codes, names,
     * dates or numbers. An empty collection gives an empty array.
     */
    public static String joined(Collection<?> values) {
        return String.join("\u001f", values.stream().map(v -> v == null ? "\u001e" : String.valueOf(v)).toList());
    }

    /** The SQL that turns a {@link #joined} parameter into a text[]. */
    public static String textArray(String param) {
        return "string_to_array(:" + param + ", chr(31), chr(30))";
    }

    /** The SQL that turns a {@link #joined} parameter into an array of the given element type (uuid, int, date...). */
    public static String typedArray(String param, String type) {
        return "CAST(" + textArray(param) + " AS " + type + "[])";
    }
}
