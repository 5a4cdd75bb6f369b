package io.rapport.interaction.domain;

import io.rapport.platform.security.Visibility;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.interaction.persistence.TimelineRepository;
import io.rapport.platform.api.Page;
import io.rapport.platform.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Everything this service holds about a KOL that the caller may see, newest first. */
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
        return visibility.scope().chain(scope -> timeline.page(kolId, scope, page))
                .map(rows -> page.page(rows, e -> List.of(e.at().toString(), e.id().toString())));
    }
}
