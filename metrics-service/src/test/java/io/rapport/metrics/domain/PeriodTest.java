package io.rapport.metrics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods (local dates, both included) and the buckets of a time series: ISO weeks, months, calendar quarters. */
@Tag("unit")
class PeriodTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void shouldStartAWeekOnTheMondayBeforeOrOn() {
        assertThat(Granularity.WEEK.start(day("2026-12-06"))).isEqualTo(day("2026-11-30")); // a Sunday
        assertThat(Granularity.WEEK.start(day("2026-11-30"))).isEqualTo(day("2026-11-30")); // a Monday
        assertThat(Granularity.WEEK.start(day("2026-12-01"))).isEqualTo(day("2026-11-30"));
    }

    @Test
    void shouldStartTheFirstIsoWeekOfAYearInTheYearBefore() {
        // 1 January 2026 is a Thursday: its ISO week (2026-W01) began on Monday 29 December 2025.
        assertThat(Granularity.WEEK.start(day("2026-01-01"))).isEqualTo(day("2025-12-29"));
        assertThat(Granularity.WEEK.next(day("2025-12-29"))).isEqualTo(day("2026-01-05"));
    }

    @Test
    void shouldStartQuartersInJanuaryAprilJulyAndOctober() {
        assertThat(Granularity.QUARTER.start(day("2026-03-31"))).isEqualTo(day("2026-01-01"));
        assertThat(Granularity.QUARTER.start(day("2026-04-01"))).isEqualTo(day("2026-04-01"));
        assertThat(Granularity.QUARTER.start(day("2026-08-15"))).isEqualTo(day("2026-07-01"));
        assertThat(Granularity.QUARTER.start(day("2026-12-31"))).isEqualTo(day("2026-10-01"));
        assertThat(Granularity.QUARTER.next(day("2026-10-01"))).isEqualTo(day("2027-01-01"));
    }

    @Test
    void shouldEndFebruaryOnTheTwentyNinthInALeapYear() {
        assertThat(Granularity.MONTH.start(day("2028-02-29"))).isEqualTo(day("2028-02-01"));
        assertThat(Granularity.MONTH.next(day("2028-02-01"))).isEqualTo(day("2028-03-01"));
        assertThat(Granularity.DAY.next(day("2028-02-28"))).isEqualTo(day("2028-02-29"));
    }

    @Test
    void shouldKeepLocalDaysWholeAcrossClockChanges() {
        // Berlin's clocks change on 29 March and 25 October 2026: a local day is still one bucket, the next is the next date.
        assertThat(Granularity.DAY.next(day("2026-03-29"))).isEqualTo(day("2026-03-30"));
        assertThat(Granularity.DAY.next(day("2026-10-25"))).isEqualTo(day("2026-10-26"));
        assertThat(Period.of(day("2026-03-28"), day("2026-03-30")).buckets(Granularity.DAY))
                .containsExactly(day("2026-03-28"), day("2026-03-29"), day("2026-03-30"));
    }

    @Test
    void shouldPutEveryDayInExactlyOneBucketOfEachGranularity() {
        for (Granularity granularity : Granularity.values()) {
            for (LocalDate d = day("2023-12-20"); d.isBefore(day("2029-01-10")); d = d.plusDays(1)) {
                LocalDate start = granularity.start(d);
                LocalDate next = granularity.next(start);

                assertThat(start).as("%s of %s", granularity, d).isBeforeOrEqualTo(d);
                assertThat(next).as("%s after %s", granularity, d).isAfter(d);
                assertThat(granularity.start(start)).as("a start is its own bucket").isEqualTo(start);
                assertThat(granularity.start(next)).as("buckets are adjacent").isEqualTo(next);
                if (!d.equals(start)) {
                    assertThat(granularity.start(d.minusDays(1))).as("the day before is in the same bucket").isEqualTo(start);
                }
                switch (granularity) {
                    case DAY -> assertThat(start).isEqualTo(d);
                    case WEEK -> assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                    case MONTH -> assertThat(start.getDayOfMonth()).isEqualTo(1);
                    case QUARTER -> assertThat(start.getDayOfMonth() == 1
                            && List.of(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER).contains(start.getMonth()))
                            .as("quarter start %s", start).isTrue();
                }
            }
        }
    }

    @Test
    void shouldBucketThePeriodFromTheBucketHoldingItsFirstDay() {
        Period week = Period.of(day("2026-12-01"), day("2026-12-07"));

        assertThat(week.buckets(Granularity.WEEK)).containsExactly(day("2026-11-30"), day("2026-12-07"));
        assertThat(week.buckets(Granularity.MONTH)).containsExactly(day("2026-12-01"));
        assertThat(week.buckets(Granularity.DAY)).hasSize(7).startsWith(day("2026-12-01")).endsWith(day("2026-12-07"));
        assertThat(Period.of(day("2026-02-15"), day("2026-11-30")).buckets(Granularity.QUARTER))
                .containsExactly(day("2026-01-01"), day("2026-04-01"), day("2026-07-01"), day("2026-10-01"));
    }

    @Test
    void shouldChartAtMostOneThousandBuckets() {
        LocalDate from = day("2020-01-01");

        assertThat(Period.of(from, from.plusDays(999)).buckets(Granularity.DAY)).hasSize(1000);
        assertThatThrownBy(() -> Period.of(from, from.plusDays(1000)).buckets(Granularity.DAY))
                .hasMessageContaining("at most 1000 buckets");
        assertThat(Period.of(from, from.plusDays(3660)).buckets(Granularity.WEEK)).hasSizeLessThan(1000);
    }

    @Test
    void shouldDefaultToThirtyDaysFromOrUpToTheDateGiven() {
        assertThat(Period.of(day("2026-12-01"), null)).isEqualTo(new Period(day("2026-12-01"), day("2026-12-30")));
        assertThat(Period.of(null, day("2026-12-30"))).isEqualTo(new Period(day("2026-12-01"), day("2026-12-30")));
    }

    @Test
    void shouldDefaultToTheLastThirtyDaysUpToTodayInUtc() {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        Period last30 = Period.of(null, null);
        LocalDate after = LocalDate.now(ZoneOffset.UTC);

        assertThat(last30.to()).isBetween(before, after);
        assertThat(ChronoUnit.DAYS.between(last30.from(), last30.to())).isEqualTo(29);
    }

    @Test
    void shouldAcceptASingleDay() {
        assertThat(Period.of(day("2026-12-01"), day("2026-12-01")).buckets(Granularity.QUARTER))
                .containsExactly(day("2026-10-01"));
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> Period.of(day("2026-12-02"), day("2026-12-01"))).hasMessageContaining("must not be after to");
    }

    @Test
    void shouldRefuseAPeriodOfMoreThanTenYears() {
        LocalDate from = day("2016-01-01");

        assertThat(Period.of(from, from.plusDays(3660)).to()).isEqualTo(from.plusDays(3660));
        assertThatThrownBy(() -> Period.of(from, from.plusDays(3661))).hasMessageContaining("at most ten years");
    }

    @Test
    void shouldRefuseDatesTheRollUpsCannotHold() {
        assertThat(Period.of(day("1900-01-01"), day("1900-01-02")).from()).isEqualTo(day("1900-01-01"));
        assertThat(Period.of(day("9999-12-30"), day("9999-12-31")).to()).isEqualTo(day("9999-12-31"));
        assertThatThrownBy(() -> Period.of(day("1899-12-31"), day("1900-01-02"))).hasMessageContaining("from");
        assertThatThrownBy(() -> Period.of(day("2026-01-01"), LocalDate.of(99999, 1, 1))).hasMessageContaining("to");
    }

    @Test
    void shouldRefuseADefaultEndOrStartPastTheSupportedDates() {
        assertThatThrownBy(() -> Period.of(day("9999-12-20"), null)).hasMessageContaining("to: a date from 1900-01-01");
        assertThatThrownBy(() -> Period.of(null, day("1900-01-10"))).hasMessageContaining("from: a date from 1900-01-01");
    }
}
