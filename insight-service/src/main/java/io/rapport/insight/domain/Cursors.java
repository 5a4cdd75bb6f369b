package io.rapport.insight.domain;

import io.rapport.platform.api.PageRequest;
import io.rapport.platform.api.ProblemException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The typed values of a paging cursor. A cursor is opaque but decodable: one that is well-formed base64 JSON
 * yet not one this list returned (another list's, a hand-made one) is the client's mistake, a 400 naming the
 * cursor, never a 500 from a failed parse deep in a query.
 */
public final class Cursors {

    /** The kinds of sort key value a cursor holds. */
    public enum Kind { INSTANT, UUID, NUMBER }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Cursors() {
    }

    /** 400 unless the cursor (if any) holds exactly these kinds of values, in this order. */
    public static void require(PageRequest page, Kind... kinds) {
        if (page.isFirst()) {
            return;
        }
        if (page.after().size() != kinds.length) {
            throw invalid();
        }
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case INSTANT -> instant(page, i);
                case UUID -> uuid(page, i);
                case NUMBER -> number(page, i);
            }
        }
    }

    public static Instant instant(PageRequest page, int i) {
        Instant value = parse(page, i, Instant::parse);
        if (!inRange(value)) {
            throw invalid();
        }
        return value;
    }

    /** Within what the database stores (years 1 to 9999): a later one is nobody's record, not a server error. */
    public static boolean inRange(Instant value) {
        return !value.isBefore(EARLIEST) && value.isBefore(LATEST);
    }

    public static UUID uuid(PageRequest page, int i) {
        return parse(page, i, UUID::fromString);
    }

    public static long number(PageRequest page, int i) {
        return parse(page, i, Long::parseLong);
    }

    private static <T> T parse(PageRequest page, int i, Function<String, T> parser) {
        try {
            return parser.apply(page.after(i));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "not a cursor returned by this list");
    }
}
