package io.rapport.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.validation.Uuids;

/**
 * Keyset pagination: {@code ?limit=} (default 50, at most 500) and an opaque {@code ?cursor=} holding the
 * sort key of the last item returned. Queries fetch {@code limit + 1} rows ordered by a unique key and
 * continue strictly after the cursor, so pages are stable while rows are added. Whatever a client sends as
 * {@code limit} or {@code cursor} (not a number, out of range, not Base64, Base64 of something else, a cursor
 * of another list with values of other types) is a 400 problem naming the parameter, never a 500.
 *
 * @param after the sort key values of the last item of the previous page; empty for the first page
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_KEY_VALUES = 8;
    private static final int MAX_VALUE_LENGTH = 200;
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? List.of() : decode(cursor));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, List.of());
    }

    public boolean isFirst() {
        return after.isEmpty();
    }

    /**
     * This request, once its cursor is known to hold exactly the {@code size} values of the list's sort key: a
     * cursor with more (or fewer) was not issued by this list and is a 400 naming the cursor. The first page
     * (no cursor) passes. Lists call it before reading the values: {@code page.keyOf(2).afterInstant(0)}.
     */
    public PageRequest keyOf(int size) {
        if (!isFirst() && after.size() != size) {
            throw notACursor();
        }
        return this;
    }

    /**
     * The i-th value of the cursor's sort key. A cursor is opaque to clients but not tamper-proof: one that
     * decodes yet has fewer values than the endpoint's sort key is a 400, like any other cursor this API did
     * not issue. Read typed values with {@link #afterInstant}, {@link #afterUuid}... (or {@link #after(int,
     * Function)}), which refuse a value of the wrong form the same way, instead of parsing it in the caller
     * (where {@code Instant.parse} would fail with a 500).
     */
    public String after(int i) {
        if (i < 0 || i >= after.size()) {
            throw notACursor();
        }
        return after.get(i);
    }

    /** The i-th value read by {@code parse}; a value it cannot read is a 400 naming the cursor. */
    public <T> T after(int i, Function<String, T> parse) {
        String value = after(i);
        T parsed;
        try {
            parsed = parse.apply(value);
        } catch (RuntimeException e) {
            throw notACursor();
        }
        if (parsed == null) {
            throw notACursor();
        }
        return parsed;
    }

    /** The i-th value as an instant (years 1 to 9999, what PostgreSQL and the API store). */
    public Instant afterInstant(int i) {
        return after(i, value -> within(Instant.parse(value), FIRST_INSTANT, LAST_INSTANT));
    }

    /** The i-th value as a date (years 1 to 9999). */
    public LocalDate afterDate(int i) {
        return after(i, value -> within(LocalDate.parse(value), LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31)));
    }

    public UUID afterUuid(int i) {
        return after(i, Uuids::parse);
    }

    public long afterLong(int i) {
        return after(i, Long::valueOf);
    }

    public int afterInt(int i) {
        return after(i, Integer::valueOf);
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
                    new TypeReference<List<String>>() {
                    });
            // Sort keys are short values (instants, ids, numbers), never text a database cannot bind.
            if (key.isEmpty() || key.size() > MAX_KEY_VALUES || key.stream().anyMatch(v -> v == null
                    || v.length() > MAX_VALUE_LENGTH || v.chars().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("not a sort key");
            }
            return key;
        } catch (Exception e) {
            throw notACursor();
        }
    }

    private static DomainException notACursor() {
        return DomainException.invalid("cursor", "not a cursor returned by this API");
    }

    private static <T extends Comparable<? super T>> T within(T value, T first, T last) {
        if (value.compareTo(first) < 0 || value.compareTo(last) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }
}
