package io.rapport.interaction.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

import org.junit.jupiter.api.Tag;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of {@link InteractionRules#quarterOf}: the cap's quarters are the calendar's. */
@Tag("unit")
@net.jqwik.api.Tag("unit")
class QuarterPropertiesTest {

    private static final Set<Month> QUARTER_STARTS = Set.of(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER);

    @Property(tries = 500)
    void shouldChangeQuarterExactlyOnTheFirstOfJanuaryAprilJulyAndOctober(
            @ForAll @IntRange(min = 0, max = 365 * 30) int daysAfter2000) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(daysAfter2000);
        boolean changes = !InteractionRules.quarterOf(day).equals(InteractionRules.quarterOf(day.minusDays(1)));
        assertThat(changes).isEqualTo(day.getDayOfMonth() == 1 && QUARTER_STARTS.contains(day.getMonth()));
    }

    @Property(tries = 200)
    void shouldNameTheYearOfTheDateAndOneOfFourQuarters(@ForAll @IntRange(min = 0, max = 365 * 30) int daysAfter2000) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(daysAfter2000);
        assertThat(InteractionRules.quarterOf(day)).isIn(day.getYear() + "-Q1", day.getYear() + "-Q2",
                day.getYear() + "-Q3", day.getYear() + "-Q4");
    }
}
