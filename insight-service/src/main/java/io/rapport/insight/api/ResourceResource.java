package io.rapport.insight.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.insight.domain.Evidence;
import io.rapport.insight.domain.Resource;
import io.rapport.insight.domain.ResourceDocument;
import io.rapport.insight.domain.ResourceService;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.JsonBodies;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Responses;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path(ResourceResource.COLLECTION)
@Tag(name = "Scientific resources", description = "Approved content an MSL may share")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourceResource {

    static final String COLLECTION = "/api/v1/resources";

    private final ResourceService resources;
    private final IdempotencyKeys idempotency;
    private final JsonBodies bodies;

    public ResourceResource(ResourceService resources, IdempotencyKeys idempotency, JsonBodies bodies) {
        this.resources = resources;
        this.idempotency = idempotency;
        this.bodies = bodies;
    }

    @POST
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN })
    @Operation(summary = "Draft a resource (medical managers, admins)")
    public Uni<Response> draft(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ResourceDocument body) {
        return idempotency.once(key, body, () -> resources.draft(body)
                .map(r -> Responses.created(COLLECTION, r.id(), ResourceView.from(r), r.version())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read a resource", description = "Drafts are visible to medical managers and admins only.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return resources.get(id).map(this::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN })
    @Operation(summary = "Edit a draft resource (JSON Merge Patch, If-Match)", description = "Approved content is "
            + "withdrawn and replaced, never edited in place.")
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        return resources.patch(id, Versions.expected(ifMatch), bodies.patch(patch, ResourceDocument.class)).map(this::ok);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN })
    @Operation(summary = "Approve after MLR review (If-Match)", description = "Needs the MLR approval id and an "
            + "expiry date in the future; from then on it may be shared until it expires.")
    public Uni<Response> approve(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Approval body) {
        return resources.approve(id, Versions.expected(ifMatch), body.mlrApprovalId(), body.approvedAt(), body.expiresAt())
                .map(this::ok);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN })
    @Operation(summary = "Withdraw approved content (If-Match)")
    public Uni<Response> withdraw(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Withdrawal body) {
        return resources.withdraw(id, Versions.expected(ifMatch), body.reason()).map(this::ok);
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List resources, newest first")
    public Uni<Page<ResourceView>> list(@QueryParam("status") Resource.Status status,
            @QueryParam("type") ResourceDocument.ResourceType type, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return resources.list(status, type, PageRequest.of(limit, cursor)).map(page -> page.map(ResourceView::from));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.REPORTING })
    @Operation(summary = "Audit trail of a resource")
    public Uni<Page<AuditEntryView>> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return resources.history(id, PageRequest.of(limit, cursor));
    }

    private Response ok(Resource resource) {
        return Responses.ok(ResourceView.from(resource), resource.version());
    }

    public record Approval(@NotBlank @Size(max = 100) String mlrApprovalId, Instant approvedAt, @NotNull Instant expiresAt) {
    }

    public record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A resource as the API shows it; expiry is derived from the date. */
    @Schema(name = "Resource")
    public record ResourceView(UUID id, ResourceDocument.ResourceType type, String title, Evidence citation,
            List<String> therapeuticAreas, List<String> products, List<String> tags, ResourceDocument.Usage usage,
            List<String> markets, Resource.Status status,
            @Schema(description = "Derived: the approval expired") boolean expired,
            @Schema(description = "Derived: approved and not expired") boolean shareable, String mlrApprovalId,
            Instant approvedAt, Instant expiresAt, String withdrawnReason, long version, Instant createdAt) {

        static ResourceView from(Resource r) {
            Instant now = Instant.now();
            return new ResourceView(r.id(), r.type(), r.title(), r.citation(), r.therapeuticAreas(), r.products(), r.tags(),
                    r.usage(), r.markets(), r.status(), r.expired(now), r.shareable(now), r.mlrApprovalId(), r.approvedAt(),
                    r.expiresAt(), r.withdrawnReason(), r.version(), r.createdAt());
        }
    }
}
