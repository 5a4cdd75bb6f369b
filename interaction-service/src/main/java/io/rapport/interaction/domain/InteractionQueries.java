package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/** Reading interactions, each under the caller's visibility (others' records are 404, not 403). */
@ApplicationScoped
public class InteractionQueries {

    private final InteractionRepository interactions;
    private final Visibility visibility;
    private final AuditTrail audit;

    public InteractionQueries(InteractionRepository interactions, Visibility visibility, AuditTrail audit) {
        this.interactions = interactions;
        this.visibility = visibility;
        this.audit = audit;
    }

    /** The criteria of a listing, besides visibility. */
    public record Criteria(UUID kolId, String mslId, String team, InteractionStatus status, Channel channel,
            UUID groupId, Instant from, Instant to) {
    }

    @WithSession
    public Uni<Interaction> get(UUID id) {
        return interactions.findById(id).chain(interaction -> InteractionService.visible(visibility, interaction, id));
    }

    @WithSession
    public Uni<Page<Interaction>> list(Criteria c, PageRequest page) {
        return visibility.scope().chain(scope -> interactions.list(new InteractionFilter(scope, c.kolId(), c.mslId(),
                c.team(), c.status(), c.channel(), c.groupId(), c.from(), c.to()), page))
                .map(rows -> page.page(rows, i -> List.of(i.createdAt().toString(), i.id().toString())));
    }

    @WithSession
    public Uni<Page<AuditEntryView>> history(UUID id, PageRequest page) {
        return get(id).chain(interaction -> audit.history("interaction", id, page));
    }
}
