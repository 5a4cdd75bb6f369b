package io.rapport.platform.domain;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.platform.api.ProblemException;
import io.rapport.platform.api.Versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Tag("unit")
class ExpectedVersionTest {

    @Test
    void shouldLetAChangeThroughWhileTheRecordIsAtTheVersionTheCallerRead() {
        assertThatCode(() -> ExpectedVersion.of(3).check(3)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAStaleVersionNamingTheCurrentOne() {
        DomainException stale = catchThrowableOfType(DomainException.class, () -> ExpectedVersion.of(3).check(4));
        assertThat(stale.kind()).isEqualTo(DomainException.Kind.STALE);
        assertThat(stale.slug()).isEqualTo("version-mismatch");
        assertThat(stale.extensions()).containsEntry("currentVersion", 4L);
    }

    @Test
    void shouldReadTheVersionOfAStrongOrWeakEtag() {
        assertThat(Versions.expected("\"7\"").value()).isEqualTo(7);
        assertThat(Versions.expected("W/\"7\"").value()).isEqualTo(7);
    }

    @Test
    void shouldRefuseAMissingIfMatchOnlyWhenTheDomainChecksIt() {
        ExpectedVersion missing = Versions.expected(null);
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> missing.check(1));
        assertThat(refusal.status()).isEqualTo(428);
        assertThat(refusal.slug()).isEqualTo("if-match-required");
    }

    @Test
    void shouldRefuseAnIfMatchThatIsNotOneOfOurEtagsAsABadRequest() {
        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> Versions.expected("abc").check(1));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("If-Match");
    }
}
