package io.rapport.platform.audit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class AuditShapeTest {

    record Note(String code, String text, int count) {
    }

    record Reply(String note) {
    }

    private static final AuditShape<Note> NOTE = AuditShape.of(Note.class)
            .field("code", Note::code)
            .text("text", Note::text)
            .field("count", Note::count)
            .build();

    @Test
    void shouldSnapshotTheFieldsInTheOrderTheyAreDeclared() {
        assertThat(NOTE.snapshot(new Note("A-1", "said something", 3)))
                .containsExactly(java.util.Map.entry("code", "A-1"), java.util.Map.entry("text", "said something"),
                        java.util.Map.entry("count", 3));
    }

    @Test
    void shouldListAsFreeTextOnlyTheFieldsDeclaredAsText() {
        assertThat(NOTE.freeText()).containsExactly("text");
    }

    @Test
    void shouldKeepANullFieldInTheSnapshotSoItsRemovalIsAChange() {
        assertThat(NOTE.snapshot(new Note(null, null, 0))).containsKeys("code", "text", "count");
    }

    @Test
    void shouldJoinTheFreeTextOfSeveralShapes() {
        AuditShape<Reply> other = AuditShape.of(Reply.class).text("note", Reply::note).build();
        assertThat(AuditShape.freeTextOf(NOTE, other)).containsExactlyInAnyOrder("text", "note");
    }
}
