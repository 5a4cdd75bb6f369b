package io.rapport.insight.domain;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules behind recommendations and themes. */
@Tag("unit")
class MatchingTest {

    @Test
    void shouldMatchATagToAWholeKeywordOfAResearchTopic() {
        assertThat(Recommendations.matches("immunotherapy", "immunotherapy-resistance-in-nsclc")).isTrue();
        assertThat(Recommendations.matches("nsclc", "immunotherapy-resistance-in-nsclc")).isTrue();
        assertThat(Recommendations.matches("resistance", "immunotherapy-resistance-in-nsclc")).isTrue();
        assertThat(Recommendations.matches("immunotherapy-resistance", "immunotherapy-resistance-in-nsclc")).isTrue();
        assertThat(Recommendations.matches("therapy", "immunotherapy-resistance-in-nsclc")).isFalse();
        assertThat(Recommendations.matches("nsc", "immunotherapy-resistance-in-nsclc")).isFalse();
        assertThat(Recommendations.matches("Biomarker-Testing", "biomarker-testing")).isTrue();
    }

    @Test
    void shouldCallAThemeNewRisingSteadyOrFallingAgainstThePreviousPeriod() {
        assertThat(Theme.of("t", 3, 0).trend()).isEqualTo(Theme.Trend.NEW);
        assertThat(Theme.of("t", 3, 1)).isEqualTo(new Theme("t", 3, 1, 2, Theme.Trend.RISING));
        assertThat(Theme.of("t", 2, 2).trend()).isEqualTo(Theme.Trend.STEADY);
        assertThat(Theme.of("t", 0, 4)).isEqualTo(new Theme("t", 0, 4, -4, Theme.Trend.FALLING));
    }
}
