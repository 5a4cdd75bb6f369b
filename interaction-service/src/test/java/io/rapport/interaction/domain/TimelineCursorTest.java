package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline cursor (the last entry's time, and how many entries of that time the caller was given):
 * {@link Timeline#givenAt}, with worked examples and the property that paging visits every entry once.
 */
@Tag("unit")
@net.jqwik.api.Tag("unit")
class TimelineCursorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static TimelineEntry at(int minute) {
        return new TimelineEntry(TimelineEntry.Type.INTERACTION, UUID.randomUUID(), T0.plusSeconds(60L * minute),
                "COMPLETED", "VIDEO", "msl-ada");
    }

    private static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    @Test
    void shouldCountTheEntriesOfThePagesLastTime() {
        assertThat(Timeline.givenAt(List.of(at(9), at(7), at(7)), null, 0)).isEqualTo(2);
        assertThat(Timeline.givenAt(List.of(at(9), at(8), at(7)), null, 0)).isEqualTo(1);
        assertThat(Timeline.givenAt(List.of(at(9)), null, 0)).isEqualTo(1);
    }

    @Test
    void shouldForgetEarlierPagesOnceThePageEndsAtAnotherTime() {
        // the previous page ended on minute 9 with 4 of its entries given; this one reaches minute 5
        assertThat(Timeline.givenAt(List.of(at(9), at(5), at(5)), minute(9), 4)).isEqualTo(2);
    }

    @Test
    void shouldAddUpThePagesOfOneCrowdedTime() {
        // a page wholly of the minute the cursor ended on: the caller now has those too
        assertThat(Timeline.givenAt(List.of(at(9), at(9), at(9)), minute(9), 4)).isEqualTo(7);
    }

    /** The repository's contract: entries at or before the cursor's time, newest first, after the first given. */
    private static List<TimelineEntry> page(List<TimelineEntry> all, Instant at, int given, int limit) {
        return all.stream().filter(e -> at == null || !e.at().isAfter(at)).skip(given).limit(limit).toList();
    }

    @Property(tries = 300)
    void shouldVisitEveryEntryOnceWhateverTheTiesAndThePageSize(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 6) Integer> minutes,
            @ForAll @IntRange(min = 1, max = 7) int limit) {
        List<TimelineEntry> all = new ArrayList<>(minutes.stream().map(TimelineCursorTest::at).toList());
        all.sort(Comparator.comparing(TimelineEntry::at).reversed());
        List<TimelineEntry> seen = new ArrayList<>();
        Instant at = null;
        int given = 0;
        for (int pages = 0; pages <= all.size(); pages++) {
            List<TimelineEntry> rows = page(all, at, given, limit);
            seen.addAll(rows);
            if (rows.size() < limit) {
                break;
            }
            given = Timeline.givenAt(rows, at, given);
            at = rows.get(rows.size() - 1).at();
        }
        assertThat(seen).containsExactlyElementsOf(all);
    }
}
