package io.rapport.minimal;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

@Path("/notes")
public class NoteResource {

    @POST
    @WithTransaction
    public Uni<Note> create(Note note) {
        note.id = UUID.randomUUID();
        return note.persist().replaceWith(note);
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<Note> get(@PathParam("id") UUID id) {
        return Note.findById(id);
    }
}
