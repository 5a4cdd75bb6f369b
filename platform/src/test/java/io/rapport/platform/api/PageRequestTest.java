package io.rapport.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(501, null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldRefuseACursorItDidNotIssue() {
        assertThatThrownBy(() -> PageRequest.of(10, "bm90IGEgY3Vyc29y")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("cursor");
    }
}
