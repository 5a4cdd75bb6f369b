package io.rapport.platform.testapp;

import java.time.Instant;
import java.util.UUID;

public record NoteView(UUID id, String title, String body, String owner, long version, Instant createdAt) {

    static NoteView from(Note note) {
        return new NoteView(note.id, note.title, note.body, note.owner, note.version, note.createdAt);
    }
}
