package io.rapport.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.insight.domain.InsightEvents.ResourceChange;
import io.rapport.insight.persistence.ResourceRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue of shareable content: drafted and edited by medical managers, approved with its MLR approval
 * id and an expiry date, or withdrawn. Approval and withdrawal are published, so other services know what
 * may be shared.
 */
@ApplicationScoped
public class ResourceService {

    private final ResourceRepository resources;
    private final Directory directory;
    private final InsightEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    public ResourceService(ResourceRepository resources, Directory directory, InsightEvents events, AuditTrail audit,
            Caller caller) {
        this.resources = resources;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<Resource> draft(ResourceDocument document) {
        Resource resource = Resource.draft(document, caller.subject());
        return checked(document).chain(() -> resources.persist(resource))
                .chain(() -> audit.record(AuditRecord.of("resource", resource.id(), 1, "drafted", null, Snapshot.of(resource))))
                .replaceWith(resource);
    }

    /** A draft changes freely; approved content is withdrawn and replaced, never edited in place. */
    @WithTransaction
    public Uni<Resource> patch(UUID id, ExpectedVersion expected, Patch<ResourceDocument> patch) {
        return changeable(id, expected, Resource.Status.DRAFT, "edited").chain(resource -> {
            ResourceDocument changed = patch.applyTo(resource.document());
            return checked(changed).chain(() -> change(resource, "edited", r -> r.edit(changed, caller.subject()), null));
        });
    }

    @WithTransaction
    public Uni<Resource> approve(UUID id, ExpectedVersion expected, String mlrApprovalId, Instant approvedAt,
            Instant expiresAt) {
        Instant now = Instant.now();
        Instant approved = approvedAt == null ? now : approvedAt;
        if (expiresAt == null || !expiresAt.isAfter(now) || !expiresAt.isAfter(approved)) {
            throw DomainException.rule("expiry-required", "An approval needs an expiry date in the future");
        }
        return changeable(id, expected, Resource.Status.DRAFT, "approved")
                .invoke(this::requireNotAnAuthor)
                .chain(resource -> change(resource, "approved", r -> r.approve(mlrApprovalId, approved, expiresAt),
                        ResourceChange.APPROVED));
    }

    @WithTransaction
    public Uni<Resource> withdraw(UUID id, ExpectedVersion expected, String reason) {
        return changeable(id, expected, Resource.Status.APPROVED, "withdrawn")
                .chain(resource -> change(resource, "withdrawn", r -> r.withdraw(reason), ResourceChange.WITHDRAWN));
    }

    @WithSession
    public Uni<Resource> get(UUID id) {
        return resources.findById(id).map(resource -> {
            if (resource == null || resource.status() == Resource.Status.DRAFT && !curator()) {
                throw DomainException.notFound("Resource", id);
            }
            return resource;
        });
    }

    @WithSession
    public Uni<Page<Resource>> list(Resource.Status status, ResourceDocument.ResourceType type, PageRequest page) {
        return resources.list(status, type, curator(), page)
                .map(rows -> page.page(rows, r -> List.of(r.createdAt().toString(), r.id().toString())));
    }

    @WithSession
    public Uni<Page<AuditEntryView>> history(UUID id, PageRequest page) {
        return get(id).chain(resource -> audit.history("resource", id, page));
    }

    private Uni<Resource> change(Resource resource, String action, Consumer<Resource> apply, ResourceChange published) {
        Object before = Snapshot.of(resource);
        apply.accept(resource);
        Uni<Void> audited = audit.record(AuditRecord.of("resource", resource.id(), resource.version(), action, before,
                Snapshot.of(resource)));
        return (published == null ? audited : audited.chain(() -> events.resource(resource, published))).replaceWith(resource);
    }

    private Uni<Resource> changeable(UUID id, ExpectedVersion expected, Resource.Status required, String action) {
        return resources.findForUpdate(id).map(resource -> {
            if (resource == null) {
                throw DomainException.notFound("Resource", id);
            }
            expected.check(resource.version());
            if (resource.status() != required) {
                throw DomainException.conflict("invalid-transition", "Resource " + id + " is " + resource.status()
                        + " and cannot be " + action).with("status", resource.status());
            }
            return resource;
        });
    }

    private Uni<Void> checked(ResourceDocument document) {
        return directory.requireCodes("therapeuticAreas", document.therapeuticAreas(), "products", document.products());
    }

    /** Four eyes: who drafted or edited the content does not also release it to be shared with KOLs. */
    private void requireNotAnAuthor(Resource resource) {
        if (resource.authors().contains(caller.subject())) {
            throw InsightAccess.selfApproval("You drafted or edited resource " + resource.id()
                    + "; another medical manager or admin approves it");
        }
    }

    private boolean curator() {
        return caller.isAny(Roles.MEDICAL_MANAGER, Roles.ADMIN);
    }
}
