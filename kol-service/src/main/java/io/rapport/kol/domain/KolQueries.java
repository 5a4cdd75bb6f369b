package io.rapport.kol.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

/** Reading KOLs: one, a search, a history; each under the caller's visibility rules. */
@ApplicationScoped
public class KolQueries {

    private final KolRepository kols;
    private final KolAccess access;
    private final AuditTrail audit;
    private final KolEvents events;

    public KolQueries(KolRepository kols, KolAccess access, AuditTrail audit, KolEvents events) {
        this.kols = kols;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    @WithSession
    public Uni<Kol> get(UUID id) {
        return kols.findById(id).map(kol -> access.readable(kol, id));
    }

    /** The KOL's state as its latest event published it, under the same visibility rules as {@link #get}. */
    @WithSession
    public Uni<Object> replica(UUID id) {
        return get(id).map(events::state);
    }

    /** Ranked by relevance when searching words, else by creation; erased KOLs are never found. */
    @WithSession
    public Uni<Page<Kol>> search(KolSearch search, PageRequest page) {
        return kols.search(search, page).map(rows -> page.page(rows, r -> search.q() != null
                ? List.of(String.valueOf(r.rank()), r.kol().id().toString())
                : List.of(r.kol().createdAt().toString(), r.kol().id().toString()))
                .map(KolRepository.Ranked::kol));
    }

    @WithSession
    public Uni<Page<AuditEntryView>> history(UUID id, PageRequest page) {
        return get(id).chain(kol -> audit.history("kol", id, page));
    }
}
