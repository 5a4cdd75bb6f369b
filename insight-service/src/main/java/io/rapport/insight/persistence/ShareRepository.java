package io.rapport.insight.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.insight.domain.Cursors;
import io.rapport.insight.domain.Share;
import io.rapport.platform.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What was shared with whom. */
@ApplicationScoped
public class ShareRepository implements PanacheRepositoryBase<Share, UUID> {

    /** A KOL's shares, newest first. */
    public Uni<List<Share>> ofKol(UUID kolId, PageRequest page) {
        if (page.isFirst()) {
            return find("kolId = ?1 order by sharedAt desc, id desc", kolId).range(0, page.fetchSize() - 1).list();
        }
        Cursors.require(page, Cursors.Kind.INSTANT, Cursors.Kind.UUID);
        return find("kolId = ?1 and (sharedAt < ?2 or (sharedAt = ?2 and id < ?3)) order by sharedAt desc, id desc",
                kolId, Cursors.instant(page, 0), Cursors.uuid(page, 1)).range(0, page.fetchSize() - 1).list();
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
