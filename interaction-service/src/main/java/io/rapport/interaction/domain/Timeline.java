package io.rapport.interaction.domain;

import io.rapport.platform.security.Visibility;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.interaction.persistence.TimelineRepository;
import io.rapport.platform.api.Page;
import io.rapport.platform.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything this service holds about a KOL that the caller may see, newest first; and other teams' meetings
 * with the KOL only as who met the KOL and when (an MSL should know the KOL was seen last week).
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
        PageKeys.require(page, PageKeys.INSTANT_HASH);
        Instant afterAt = page.isFirst() ? null : Instant.parse(page.after(0));
        String afterKey = page.isFirst() ? null : page.after(1);
        return visibility.scope().chain(scope -> timeline.page(kolId, scope, page, afterAt, afterKey))
                .map(rows -> page.page(rows, r -> List.of(r.entry().at().toString(), r.key())))
                .map(rows -> rows.map(TimelineRepository.Row::entry));
    }
}
