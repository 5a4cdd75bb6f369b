package io.rapport.platform.testapp;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private final NoteService notes;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;

    public NoteResource(NoteService notes, IdempotencyKeys idempotency, AuditTrail audit) {
        this.notes = notes;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @POST
    @RolesAllowed("msl")
    public Uni<Response> create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull NoteRequest request) {
        return idempotency.once(key, request, () -> notes.create(request).map(NoteResource::created));
    }

    @POST
    @Path("refused")
    @RolesAllowed("msl")
    public Uni<NoteView> createRefused(@Valid @NotNull NoteRequest request) {
        return notes.createThenRefuse(request).map(NoteView::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ "msl", "reporting" })
    @WithSession
    public Uni<Response> get(@PathParam("id") UUID id) {
        return Note.<Note> findById(id).onItem().ifNull().failWith(() -> DomainException.notFound("Note", id))
                .map(note -> Response.ok(NoteView.from(note)).header("ETag", Versions.etag(note.version)).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed("msl")
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode patch) {
        return notes.update(id, ifMatch, patch)
                .map(note -> Response.ok(NoteView.from(note)).header("ETag", Versions.etag(note.version)).build());
    }

    @GET
    @RolesAllowed({ "msl", "reporting" })
    @WithSession
    public Uni<Page<NoteView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Uni<List<Note>> rows = page.isFirst()
                ? Note.<Note> find("order by createdAt, id").range(0, page.fetchSize() - 1).list()
                : Note.<Note> find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id",
                        page.afterInstant(0), page.afterUuid(1)).range(0, page.fetchSize() - 1).list();
        return rows.map(list -> page.page(list, n -> List.of(n.createdAt.toString(), n.id.toString())).map(NoteView::from));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ "msl", "reporting" })
    @WithSession
    public Uni<Page<AuditEntryView>> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return audit.history("note", id, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("boom")
    @RolesAllowed("msl")
    public Uni<NoteView> boom() {
        return Uni.createFrom().failure(new IllegalStateException("secret internals that must not leak"));
    }

    private static Response created(Note note) {
        return Response.created(URI.create("/api/v1/notes/" + note.id)).header("ETag", Versions.etag(note.version))
                .entity(NoteView.from(note)).build();
    }
}
