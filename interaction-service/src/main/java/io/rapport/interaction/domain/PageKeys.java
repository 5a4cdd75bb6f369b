package io.rapport.interaction.domain;

import io.rapport.platform.api.PageRequest;
import io.rapport.platform.api.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The shapes of this service's cursors. A cursor is opaque base64 JSON that anyone can forge: one that decodes
 * but holds the wrong number or kind of values (another list's cursor, a hand-made one) is a 400 naming the
 * cursor, checked before any query runs, never a 500.
 */
public final class PageKeys {

    /** (instant, uuid): interactions, requests and every audit history. */
    public static final List<Function<String, ?>> INSTANT_ID = List.of(Instant::parse, UUID::fromString);
    /** (date, uuid): follow-ups by due date. */
    public static final List<Function<String, ?>> DATE_ID = List.of(LocalDate::parse, UUID::fromString);
    /** (instant, entry hash): the timeline. */
    public static final List<Function<String, ?>> INSTANT_HASH = List.of(Instant::parse, PageKeys::hash);

    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private PageKeys() {
    }

    /** 400 unless the cursor (if any) holds exactly these values. */
    public static PageRequest require(PageRequest page, List<Function<String, ?>> shape) {
        if (page.isFirst()) {
            return page;
        }
        if (page.after().size() != shape.size()) {
            throw invalid();
        }
        for (int i = 0; i < shape.size(); i++) {
            try {
                shape.get(i).apply(page.after(i));
            } catch (RuntimeException e) {
                throw invalid();
            }
        }
        return page;
    }

    private static String hash(String value) {
        if (!MD5.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return value;
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "not a cursor returned by this list");
    }
}
