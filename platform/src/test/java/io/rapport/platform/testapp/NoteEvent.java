package io.rapport.platform.testapp;

import java.util.UUID;

/** What a note event carries: ids and numbers, never the free text. */
public record NoteEvent(UUID noteId, String owner, long aggregateVersion) {

    static final String TOPIC = "rapport.metrics.v1";
    static final String CREATED = "rapport.test.note.created.v1";
    static final String UPDATED = "rapport.test.note.updated.v1";

    static NoteEvent from(Note note) {
        return new NoteEvent(note.id, note.owner, note.version);
    }
}
