package io.rapport.insight.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.rapport.insight.domain.Resource;
import io.rapport.insight.domain.ResourceDocument;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** Scientific resources. */
@ApplicationScoped
public class ResourceRepository implements PanacheRepositoryBase<Resource, UUID> {

    public Uni<Resource> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; {@code includeDrafts} false hides drafts (MSLs see only what went through review). */
    public Uni<List<Resource>> list(Resource.Status status, ResourceDocument.ResourceType type, boolean includeDrafts,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (!includeDrafts) {
            where.add("status <> :draft");
            params.and("draft", Resource.Status.DRAFT);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (!page.keyOf(2).isFirst()) {
            where.add("(createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
            params.and("afterTime", page.afterInstant(0)).and("afterId", page.afterUuid(1));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return find(query, params).range(0, page.fetchSize() - 1).list();
    }

    /**
     * The candidates for a recommendation: approved, unexpired, proactive resources approved in the country.
     * Filtered in SQL so the catalogue can grow without loading it whole.
     */
    public Uni<List<Resource>> proactiveIn(String country) {
        String sql = "SELECT CAST(id AS text) FROM resource WHERE status = 'APPROVED' AND usage = 'PROACTIVE' "
                + "AND (expires_at IS NULL OR expires_at > now()) AND markets @> jsonb_build_array(CAST(:country AS text))";
        return getSession().chain(session -> session.createNativeQuery(sql, String.class).setParameter("country", country)
                .getResultList()).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Resource> of())
                        : list("id in ?1", ids.stream().map(UUID::fromString).toList()));
    }
}
