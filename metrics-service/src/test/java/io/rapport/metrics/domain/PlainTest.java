package io.rapport.metrics.domain;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names that reach SQL arrays hold no control characters (docs: a team "a\u001Fb" would read as two teams). */
@Tag("unit")
class PlainTest {

    @Test
    void shouldAcceptOrdinaryNamesAbsentNamesAndNonAsciiLetters() {
        assertThat(Plain.Check.holds("oncology-north")).isTrue();
        assertThat(Plain.Check.holds("Onkologie Süd / Nord")).isTrue();
        assertThat(Plain.Check.holds("")).isTrue();
        assertThat(Plain.Check.holds(null)).isTrue();
    }

    @Test
    void shouldRefuseTheArraySeparatorsAndAnyOtherControlCharacter() {
        assertThat(Plain.Check.holds("a\u001Fb")).isFalse();
        assertThat(Plain.Check.holds("a\u001E")).isFalse();
        assertThat(Plain.Check.holds("line\nbreak")).isFalse();
        assertThat(Plain.Check.holds("\u0000")).isFalse();
        assertThat(Plain.Check.holds("tab\t")).isFalse();
        assertThat(Plain.Check.holds("del\u007F")).isFalse();
    }
}
