package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.rapport.platform.domain.DomainException;

/** Local dates from and to, both included. Without them: the last 30 days up to today (UTC). */
public record Period(LocalDate from, LocalDate to) {

    static final long MAX_DAYS = 3660;
    static final int MAX_BUCKETS = 1000;
    /**
     * Dates the roll-ups can hold: PostgreSQL's date ends in 5874897 and Java's in +999999999, and a bucket's end
     * is computed past the period's, so a year like 99999 was a 500 rather than a 400.
     */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public static Period of(LocalDate from, LocalDate to) {
        requireSupported("from", from);
        requireSupported("to", to);
        LocalDate end = to != null ? to : from != null ? from.plusDays(29) : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(29);
        requireSupported("to", end);
        requireSupported("from", start);
        if (start.isAfter(end)) {
            throw DomainException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw DomainException.invalid("from", "a period of at most ten years");
        }
        return new Period(start, end);
    }

    private static void requireSupported(String field, LocalDate day) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw DomainException.invalid(field, "a date from " + EARLIEST + " to " + LATEST);
        }
    }

    /** The bucket starts of a series, refused when there would be too many to chart. */
    public java.util.List<LocalDate> buckets(Granularity granularity) {
        java.util.List<LocalDate> starts = new java.util.ArrayList<>();
        for (LocalDate start = granularity.start(from); !start.isAfter(to); start = granularity.next(start)) {
            starts.add(start);
            if (starts.size() > MAX_BUCKETS) {
                throw DomainException.invalid("granularity", "at most " + MAX_BUCKETS + " buckets: choose a coarser "
                        + "granularity or a shorter period");
            }
        }
        return starts;
    }
}
