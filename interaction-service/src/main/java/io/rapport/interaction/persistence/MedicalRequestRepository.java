package io.rapport.interaction.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.rapport.interaction.domain.MedicalRequest;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/** Medical information requests, listed by due time so nothing is forgotten. */
@ApplicationScoped
public class MedicalRequestRepository implements PanacheRepositoryBase<MedicalRequest, UUID> {

    public Uni<MedicalRequest> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<MedicalRequest>> list(Visibility.Scope scope, MedicalRequest.Status status, Boolean overdue,
            UUID kolId, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!scope.all()) {
            params.and("self", scope.self());
            if (scope.teams().isEmpty()) {
                where.add("mslId = :self");
            } else {
                where.add("(mslId = :self or team in :teams)");
                params.and("teams", List.copyOf(scope.teams()));
            }
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (kolId != null) {
            where.add("kolId = :kolId");
            params.and("kolId", kolId);
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.add("status in ('RECEIVED', 'COMPLIANCE_REVIEW') and dueAt < :now");
            params.and("now", Instant.now());
        }
        if (!page.keyOf(2).isFirst()) {
            where.add("(dueAt > :afterDue or (dueAt = :afterDue and id > :afterId))");
            params.and("afterDue", page.afterInstant(0)).and("afterId", page.afterUuid(1));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by dueAt, id";
        return find(query, params).range(0, page.fetchSize() - 1).list();
    }

    public Uni<List<MedicalRequest>> ofKol(UUID kolId) {
        return list("kolId", kolId);
    }
}
