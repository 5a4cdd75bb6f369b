package io.rapport.platform.testapp;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.platform.api.MergePatch;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.outbox.DomainEvent;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NoteService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;

    public NoteService(Outbox outbox, AuditTrail audit, Caller caller, ObjectMapper json, Validator validator) {
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
    }

    @WithTransaction
    public Uni<Note> create(NoteRequest request) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.title = request.title();
        note.body = request.body();
        note.owner = caller.subject();
        note.version = 1;
        note.createdAt = Instant.now();
        return note.persist()
                .chain(() -> audit.record(AuditRecord.of("note", note.id, 1, "created", null, NoteView.from(note))))
                .chain(() -> outbox.append(DomainEvent.of(NoteEvent.TOPIC, NoteEvent.CREATED, note.id, NoteEvent.from(note))))
                .replaceWith(note);
    }

    /** Writes a note and its event, then a rule refuses it: nothing may remain, nothing may be published. */
    @WithTransaction
    public Uni<Note> createThenRefuse(NoteRequest request) {
        return create(request).invoke(note -> {
            throw ProblemException.rule("test-refusal", "refused after writing " + note.id).with("noteId", note.id);
        });
    }

    @WithTransaction
    public Uni<Note> update(UUID id, String ifMatch, JsonNode patch) {
        return Note.<Note> findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Note", id))
                .chain(note -> {
                    Versions.check(ifMatch, note.version);
                    NoteView before = NoteView.from(note);
                    NoteRequest changed = patched(note, patch);
                    note.title = changed.title();
                    note.body = changed.body();
                    note.version++;
                    return audit.record(AuditRecord.of("note", id, note.version, "updated", before, NoteView.from(note)))
                            .chain(() -> outbox.append(DomainEvent.of(NoteEvent.TOPIC, NoteEvent.UPDATED, id,
                                    NoteEvent.from(note))))
                            .replaceWith(note);
                });
    }

    private NoteRequest patched(Note note, JsonNode patch) {
        JsonNode current = json.valueToTree(new NoteRequest(note.title, note.body));
        NoteRequest request;
        try {
            request = json.treeToValue(MergePatch.apply(current, patch), NoteRequest.class);
        } catch (Exception e) {
            throw ProblemException.badRequest("body", e.getMessage());
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
