package io.rapport.insight.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** Reading insights within what the caller sees, and the themes medical strategy watches. */
@ApplicationScoped
public class InsightQueries {

    private static final int THEMES = 20;

    /** What the database stores (years 1 to 9999): a later instant is nobody's record, not a server error. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final InsightRepository insights;
    private final InsightAccess access;
    private final AuditTrail audit;

    public InsightQueries(InsightRepository insights, InsightAccess access, AuditTrail audit) {
        this.insights = insights;
        this.access = access;
        this.audit = audit;
    }

    /** The top tags and categories of a period, against the period before of the same length. */
    public record Themes(Instant from, Instant to, Instant previousFrom, List<Theme> tags, List<Theme> categories) {
    }

    @WithSession
    public Uni<Insight> get(UUID id) {
        return insights.findById(id).chain(insight -> access.visible(insight, id));
    }

    @WithSession
    public Uni<Page<Insight>> search(InsightSearch search, PageRequest page) {
        if (search.from() != null && !storable(search.from())) {
            throw DomainException.invalid("from", "an instant within the years 1 to 9999");
        }
        if (search.to() != null && !storable(search.to())) {
            throw DomainException.invalid("to", "an instant within the years 1 to 9999");
        }
        return access.scope().chain(scope -> insights.search(search, scope, page))
                .map(rows -> page.page(rows, r -> search.q() != null
                        ? List.of(String.valueOf(r.rank()), r.insight().id().toString())
                        : List.of(r.insight().createdAt().toString(), r.insight().id().toString()))
                        .map(InsightRepository.Ranked::insight));
    }

    @WithSession
    public Uni<Page<AuditEntryView>> history(UUID id, PageRequest page) {
        return get(id).chain(insight -> audit.history("insight", id, page));
    }

    /** Over the insights submitted (not drafts) in [from, to); the previous period is as long and ends at from. */
    @WithSession
    public Uni<Themes> themes(String therapeuticArea, Instant from, Instant to) {
        if (!storable(from) || !storable(to)) {
            throw DomainException.invalid("from", "a period within the years 1 to 9999");
        }
        if (!from.isBefore(to)) {
            throw DomainException.invalid("from", "must be before to");
        }
        if (Duration.between(from, to).toDays() > 3660) {
            throw DomainException.invalid("from", "a period of at most ten years");
        }
        Instant previousFrom = from.minus(Duration.between(from, to));
        return access.scope()
                .map(scope -> new InsightRepository.ThemePeriod(therapeuticArea, scope, from, to))
                .chain(period -> insights.themes("tags", period, THEMES)
                        .chain(tags -> insights.themes("category", period, THEMES)
                                .map(categories -> new Themes(from, to, previousFrom, tags, categories))));
    }

    private static boolean storable(Instant value) {
        return !value.isBefore(EARLIEST) && value.isBefore(LATEST);
    }
}
