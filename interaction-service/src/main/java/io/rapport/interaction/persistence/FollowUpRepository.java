package io.rapport.interaction.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.rapport.interaction.domain.FollowUp;
import io.rapport.interaction.domain.FollowUpFilter;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** Follow-ups, listed soonest due first; "overdue" is judged in each follow-up's own time zone. */
@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    public Uni<FollowUp> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<FollowUp>> list(FollowUpFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!filter.scope().all()) {
            params.put("self", filter.scope().self());
            if (filter.scope().teams().isEmpty()) {
                where.add("f.assignee = :self");
            } else {
                where.add("(f.assignee = :self OR f.team IN (:teams))");
                params.put("teams", List.copyOf(filter.scope().teams()));
            }
        }
        if (filter.assignee() != null) {
            where.add("f.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.status() != null) {
            where.add("f.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.kolId() != null) {
            where.add("f.kol_id = :kol");
            params.put("kol", filter.kolId());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.add("f.status = 'OPEN' AND f.due_date < CAST(now() AT TIME ZONE f.time_zone AS date)");
        }
        if (!page.keyOf(2).isFirst()) {
            where.add("(f.due_date > :afterDate OR (f.due_date = :afterDate AND f.id > :afterId))");
            params.put("afterDate", page.afterDate(0));
            params.put("afterId", page.afterUuid(1));
        }
        String sql = "SELECT CAST(f.id AS text) FROM follow_up f"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY f.due_date, f.id LIMIT " + page.fetchSize();
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, String.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<FollowUp> of())
                : list("id in ?1", ids.stream().map(UUID::fromString).toList())
                        .map(found -> found.stream().sorted(Comparator.comparing(FollowUp::dueDate)
                                .thenComparing(FollowUp::id)).toList()));
    }

    public Uni<List<FollowUp>> ofKol(UUID kolId) {
        return list("kolId", kolId);
    }
}
