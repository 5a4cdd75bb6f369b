package io.rapport.platform.audit;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("unit")
class ChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListChangedLeavesByDottedPathWithOldAndNewValues() throws Exception {
        List<FieldChange> changes = Changes.between(
                JSON.readTree("{\"tier\":2,\"name\":{\"given\":\"Ada\",\"family\":\"L\"},\"tags\":[\"a\"],\"same\":1}"),
                JSON.readTree(
                        "{\"tier\":1,\"name\":{\"given\":\"Ada\",\"family\":\"Lovelace\"},\"tags\":[\"a\",\"b\"],\"same\":1}"));
        assertThat(changes).extracting(FieldChange::field).containsExactly("name.family", "tags", "tier");
        assertThat(changes.get(2).oldValue().asInt()).isEqualTo(2);
        assertThat(changes.get(2).newValue().asInt()).isEqualTo(1);
    }

    @Test
    void shouldListEveryFieldOfACreationWithoutOldValues() throws Exception {
        List<FieldChange> changes = Changes.between(null, JSON.readTree("{\"a\":1,\"b\":{\"c\":2}}"));
        assertThat(changes).extracting(FieldChange::field).containsExactly("a", "b.c");
        assertThat(changes).allSatisfy(c -> assertThat(c.oldValue()).isNull());
    }
}
