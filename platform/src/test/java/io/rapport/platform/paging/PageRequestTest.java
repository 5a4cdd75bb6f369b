package io.rapport.platform.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Tag("unit")
class PageRequestTest {

    @Test
    void shouldReturnACursorOnlyWhenAnotherPageExists() {
        PageRequest request = PageRequest.of(2, null);
        Page<String> page = request.page(List.of("a", "b", "c"), s -> List.of(s));
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(PageRequest.of(2, page.nextCursor()).after()).containsExactly("b");
        assertThat(request.page(List.of("a", "b"), s -> List.of(s)).nextCursor()).isNull();
    }

    @Test
    void shouldDefaultToFiftyAndRefuseLimitsOutsideOneToFiveHundred() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of(500, null).limit()).isEqualTo(500);
        for (int limit : new int[] { 0, -1, 501, Integer.MAX_VALUE, Integer.MIN_VALUE }) {
            assertBadRequest("limit", () -> PageRequest.of(limit, null));
        }
    }

    @Test
    void shouldRefuseACursorItDidNotIssue() {
        assertThatThrownBy(() -> PageRequest.of(10, "bm90IGEgY3Vyc29y")).isInstanceOf(DomainException.class)
                .hasMessageContaining("cursor");
    }

    /** Not Base64URL, or Base64URL of something that is not a list of short sort key values. */
    @ParameterizedTest
    @ValueSource(strings = { "garbage!", "a+b/c==", "%%%", "====", "\u00e9t\u00e9", "bm90IGpzb24", "e30", "W10", "W251bGxd",
            "W1sxXV0", "eyJhIjoxfQ", "WyJcdTAwMDAiXQ", "WyJ4Il0gZ2FyYmFnZQ" })
    void shouldRefuseAMalformedCursorWith400(String cursor) {
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor));
    }

    @Test
    void shouldRefuseACursorWithAnOverlongOrTooManyValues() {
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("x".repeat(201))));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("1", "2", "3", "4", "5", "6", "7", "8", "9")));
    }

    /** Well-formed cursors (a list of strings) whose values are not what the list sorts by. */
    @Test
    void shouldRefuseAWellFormedCursorOfTheWrongShapeOrContentWith400() {
        String uuid = UUID.randomUUID().toString();
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z")).afterUuid(1));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z")).after(1));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("yesterday", uuid)).afterInstant(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor(uuid, "2026-12-01T09:00:00Z")).afterInstant(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z", "not-a-uuid")).afterUuid(1));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z", "1-1-1-1-1")).afterUuid(1));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("+1000000000-12-31T23:59:59Z", uuid)).afterInstant(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z")).afterDate(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("+12026-12-01")).afterDate(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("1.5")).afterLong(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("99999999999")).afterInt(0));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("x")).after(0, value -> null));
    }

    @Test
    void shouldRefuseACursorWithMoreOrFewerValuesThanTheListsSortKey() {
        String uuid = UUID.randomUUID().toString();
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z", uuid, "extra")).keyOf(2));
        assertBadRequest("cursor", () -> PageRequest.of(10, cursor("2026-12-01T09:00:00Z")).keyOf(2));
        assertThat(PageRequest.of(10, cursor("2026-12-01T09:00:00Z", uuid)).keyOf(2).afterUuid(1))
                .isEqualTo(UUID.fromString(uuid));
        assertThat(PageRequest.of(10, null).keyOf(2).isFirst()).as("the first page has no cursor to check").isTrue();
    }

    @Test
    void shouldReadTheTypedValuesOfACursorItIssued() {
        Instant at = Instant.parse("2026-12-01T09:00:00.123456Z");
        UUID id = UUID.randomUUID();
        PageRequest next = PageRequest.of(10, PageRequest.encode(List.of(at.toString(), id.toString(), "-42", "2026-12-01")));
        assertThat(next.afterInstant(0)).isEqualTo(at);
        assertThat(next.afterUuid(1)).isEqualTo(id);
        assertThat(next.afterLong(2)).isEqualTo(-42L);
        assertThat(next.afterInt(2)).isEqualTo(-42);
        assertThat(next.afterDate(3)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    private static String cursor(String... values) {
        return PageRequest.encode(List.of(values));
    }

    private static void assertBadRequest(String field, Runnable call) {
        DomainException problem = catchThrowableOfType(DomainException.class, call::run);
        assertThat(problem).as("an invalid-input outcome (a 400), not another exception").isNotNull();
        assertThat(problem.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly(field);
    }
}
