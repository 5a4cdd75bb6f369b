package io.rapport.platform.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an error log line may show of a request path: never a calendar feed's secret. */
@Tag("unit")
class LoggablePathTest {

    @Test
    void shouldMaskTheSecretOfACalendarFeedPath() {
        assertThat(ProblemMappers.loggable("/calendar/s3cr3t-token.ics")).isEqualTo("/calendar/***")
                .doesNotContain("s3cr3t");
    }

    @Test
    void shouldKeepTheIdsOfOtherPaths() {
        assertThat(ProblemMappers.loggable("/api/v1/interactions/8c3e0e1a-0000-4000-8000-000000000001"))
                .isEqualTo("/api/v1/interactions/8c3e0e1a-0000-4000-8000-000000000001");
    }
}
