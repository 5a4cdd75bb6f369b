package io.rapport.platform.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination: {@code ?limit=} (default 50, at most 500) and an opaque {@code ?cursor=} holding the
 * sort key of the last item returned. Queries fetch {@code limit + 1} rows ordered by a unique key and
 * continue strictly after the cursor, so pages are stable while rows are added.
 *
 * @param after the sort key values of the last item of the previous page; empty for the first page
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? List.of() : decode(cursor));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, List.of());
    }

    public boolean isFirst() {
        return after.isEmpty();
    }

    /** The i-th value of the cursor's sort key. */
    public String after(int i) {
        return after.get(i);
    }

    /** Rows to fetch: one more than the page, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * Builds the page from up to {@link #fetchSize()} rows in sort order.
     *
     * @param sortKey the values that order the rows (ending with a unique one), as strings
     */
    public <T> Page<T> page(List<T> rows, Function<T, List<String>> sortKey) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(sortKey.apply(items.get(limit - 1))));
    }

    static String encode(List<String> key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decode(String cursor) {
        try {
            List<String> key = JSON.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
                    new TypeReference<List<String>>() { });
            if (key.isEmpty() || key.stream().anyMatch(v -> v == null)) {
                throw new IllegalArgumentException("empty");
            }
            return key;
        } catch (Exception e) {
            throw ProblemException.badRequest("cursor", "not a cursor returned by this API");
        }
    }
}
