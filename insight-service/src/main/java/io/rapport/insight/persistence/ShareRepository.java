package io.rapport.insight.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.insight.domain.Share;
import io.smallrye.mutiny.Uni;

/** What was shared with whom. */
@ApplicationScoped
public class ShareRepository implements PanacheRepositoryBase<Share, UUID> {

    /**
     * A KOL's shares, newest first: from the first, or from those shared at or before {@code at} once the
     * {@code skip} shares of exactly that time already given are passed (they come first, the order is total).
     */
    public Uni<List<Share>> ofKol(UUID kolId, Instant at, int skip, int count) {
        if (at == null) {
            return find("kolId = ?1 order by sharedAt desc, id desc", kolId).range(0, count - 1).list();
        }
        return find("kolId = ?1 and sharedAt <= ?2 order by sharedAt desc, id desc", kolId, at)
                .range(skip, skip + count - 1).list();
    }

    /** The resources already shared with a KOL. */
    public Uni<Set<UUID>> resourcesSharedWith(UUID kolId) {
        return list("kolId", kolId).map(shares -> {
            Set<UUID> ids = new HashSet<>();
            shares.forEach(s -> ids.add(s.resourceId()));
            return ids;
        });
    }

    /** Every share naming one of these KOL ids (the KOL, and the pseudonym of what is held about them). */
    public Uni<List<Share>> allOfKol(Collection<UUID> kolIds) {
        return list("kolId in ?1 order by sharedAt, id", List.copyOf(kolIds));
    }
}
