package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.interaction.persistence.TimelineRepository;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/**
 * Everything this service holds about a KOL that the caller may see, newest first; and other teams' meetings
 * with the KOL only as who met the KOL and when (an MSL should know the KOL was seen last week).
 *
 * <p>
 * The cursor is (the last entry's time, how many entries of that time the caller has been given): an id, or
 * any key derived from one, would hand the caller a handle on another team's record that the entry itself
 * withholds.
 */
@ApplicationScoped
public class Timeline {

    private final TimelineRepository timeline;
    private final Visibility visibility;

    public Timeline(TimelineRepository timeline, Visibility visibility) {
        this.timeline = timeline;
        this.visibility = visibility;
    }

    @WithSession
    public Uni<Page<TimelineEntry>> of(UUID kolId, PageRequest page) {
        Instant at = page.keyOf(2).isFirst() ? null : page.afterInstant(0);
        int given = page.isFirst() ? 0 : page.after(1, Timeline::count);
        return visibility.scope().chain(scope -> timeline.page(kolId, scope, at, given, page.fetchSize()))
                .map(rows -> page.page(rows, last -> List.of(last.at().toString(),
                        String.valueOf(givenAt(rows.subList(0, page.limit()), at, given)))));
    }

    /**
     * How many entries of the page's last time the caller now has: those at the end of this page, plus those
     * of earlier pages when the whole page is of the time the cursor ended on.
     */
    static int givenAt(List<TimelineEntry> items, Instant cursorAt, int givenBefore) {
        Instant last = items.get(items.size() - 1).at();
        int n = 0;
        for (int i = items.size() - 1; i >= 0 && items.get(i).at().equals(last); i--) {
            n++;
        }
        return last.equals(cursorAt) ? givenBefore + n : n;
    }

    private static Integer count(String value) {
        int n = Integer.parseInt(value);
        if (n < 0) {
            throw new IllegalArgumentException("a count is not negative");
        }
        return n;
    }
}
