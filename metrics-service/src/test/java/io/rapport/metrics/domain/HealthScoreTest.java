package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The formulas of docs/metrics.md, "Relationship health", checked against its worked examples. */
@Tag("unit")
class HealthScoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** A KOL with full marks everywhere: met today, target reached, best feedback, insights, requests on time. */
    private static HealthScore.Inputs perfect() {
        return new HealthScore.Inputs(TODAY, 6, 6, 15, 3, 3, 6, 2, 2);
    }

    @Test
    void shouldScoreTheDocumentedTierOneKolAt74() {
        HealthScore.Inputs inputs = new HealthScore.Inputs(TODAY.minusDays(45), 3, 6, 13, 3, 2, 5, 3, 2);
        assertThat(HealthScore.of(inputs, TODAY)).isEqualTo(new HealthScore(74, 90, 50, 83, 80, 67));
    }

    @Test
    void shouldScoreAKolNeverMetAt23() {
        HealthScore.Inputs never = new HealthScore.Inputs(null, 0, 1, 0, 0, 0, 0, 0, 0);
        assertThat(HealthScore.of(never, TODAY)).isEqualTo(new HealthScore(23, 0, 0, 50, 0, 100));
    }

    @Test
    void shouldDecayRecencyFromThirtyToOneHundredEightyDays() {
        assertThat(HealthScore.recency(TODAY, TODAY)).isEqualTo(100);
        assertThat(HealthScore.recency(TODAY.minusDays(30), TODAY)).isEqualTo(100);
        assertThat(HealthScore.recency(TODAY.minusDays(105), TODAY)).isEqualTo(50);
        assertThat(HealthScore.recency(TODAY.minusDays(180), TODAY)).isZero();
        assertThat(HealthScore.recency(TODAY.minusDays(400), TODAY)).isZero();
        assertThat(HealthScore.recency(null, TODAY)).isZero();
    }

    @Test
    void shouldStartDecayingTheDayAfterThirtyDays() {
        // 31 days: 100 x 149 / 150 = 99.33.
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY.minusDays(31), 0, 1, 0, 0, 0, 0, 0, 0), TODAY).recency())
                .isEqualTo(99);
    }

    @Test
    void shouldNeverRaiseRecencyAsTheLastContactGetsOlder() {
        double previous = Double.MAX_VALUE;
        for (int days = 0; days <= 400; days++) {
            double r = HealthScore.recency(TODAY.minusDays(days), TODAY);
            assertThat(r).as("%s days", days).isLessThanOrEqualTo(previous).isBetween(0.0, 100.0);
            previous = r;
        }
    }

    @Test
    void shouldCapFrequencyAndReciprocityAtFullMarks() {
        HealthScore busy = HealthScore.of(new HealthScore.Inputs(TODAY, 12, 4, 20, 4, 9, 6, 0, 0), TODAY);
        assertThat(busy.frequency()).isEqualTo(100);
        assertThat(busy.reciprocity()).isEqualTo(100);
        assertThat(busy.score()).isEqualTo(100);
    }

    @Test
    void shouldGiveFullReciprocityForOneInsightEveryTwoMeetings() {
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 4, 4, 0, 0, 2, 4, 0, 0), TODAY).reciprocity()).isEqualTo(100);
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 4, 4, 0, 0, 1, 4, 0, 0), TODAY).reciprocity()).isEqualTo(50);
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 0, 4, 0, 0, 3, 0, 0, 0), TODAY).reciprocity())
                .as("insights without meetings").isZero();
    }

    @Test
    void shouldMapAverageFeedbackOfOneToFiveOntoZeroToOneHundred() {
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 1, 1, 2, 2, 0, 1, 0, 0), TODAY).feedback()).isZero();
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 1, 1, 6, 2, 0, 1, 0, 0), TODAY).feedback()).isEqualTo(50);
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 1, 1, 10, 2, 0, 1, 0, 0), TODAY).feedback()).isEqualTo(100);
    }

    @Test
    void shouldScoreResponsivenessAsTheShareOfRequestsAnsweredOnTime() {
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 1, 1, 0, 0, 0, 1, 4, 1), TODAY).responsiveness()).isEqualTo(25);
        assertThat(HealthScore.of(new HealthScore.Inputs(TODAY, 1, 1, 0, 0, 0, 1, 4, 0), TODAY).responsiveness()).isZero();
    }

    @Test
    void shouldWeighRecencyFrequencyFeedbackReciprocityAndResponsiveness30_25_15_15_15() {
        HealthScore.Inputs p = perfect();
        assertThat(HealthScore.of(p, TODAY).score()).isEqualTo(100);
        HealthScore.Inputs neverRecently = new HealthScore.Inputs(TODAY.minusDays(200), p.contactsLast90Days(),
                p.tierTarget(), p.feedbackSum(), p.feedbackCount(), p.insightsLastYear(), p.completedLastYear(),
                p.answeredLastYear(), p.answeredOnTimeLastYear());
        HealthScore.Inputs noneIn90Days = new HealthScore.Inputs(TODAY, 0, 6, 15, 3, 3, 6, 2, 2);
        HealthScore.Inputs worstFeedback = new HealthScore.Inputs(TODAY, 6, 6, 3, 3, 3, 6, 2, 2);
        HealthScore.Inputs noInsights = new HealthScore.Inputs(TODAY, 6, 6, 15, 3, 0, 6, 2, 2);
        HealthScore.Inputs allLate = new HealthScore.Inputs(TODAY, 6, 6, 15, 3, 3, 6, 2, 0);

        assertThat(HealthScore.of(neverRecently, TODAY).score()).isEqualTo(70);
        assertThat(HealthScore.of(noneIn90Days, TODAY).score()).isEqualTo(75);
        assertThat(HealthScore.of(worstFeedback, TODAY).score()).isEqualTo(85);
        assertThat(HealthScore.of(noInsights, TODAY).score()).isEqualTo(85);
        assertThat(HealthScore.of(allLate, TODAY).score()).isEqualTo(85);
    }

    @Test
    void shouldRoundTheDecimalValueHalfUp() {
        assertThat(HealthScore.round(22.5)).isEqualTo(23);
        assertThat(HealthScore.round(0.30 * 90)).isEqualTo(27);
        assertThat(HealthScore.round(74.49)).isEqualTo(74);
    }

    @Test
    void shouldKeepEveryScoreAndComponentBetweenZeroAndOneHundred() {
        Random random = new Random(30);
        for (int run = 0; run < 1000; run++) {
            long feedbackCount = random.nextInt(10);
            long feedbackSum = feedbackCount * (1 + random.nextInt(5));
            long answered = random.nextInt(10);
            HealthScore.Inputs in = new HealthScore.Inputs(random.nextBoolean() ? null : TODAY.minusDays(random.nextInt(500)),
                    random.nextInt(20), 1 + random.nextInt(6), feedbackSum, feedbackCount, random.nextInt(20),
                    random.nextInt(20), answered, answered == 0 ? 0 : random.nextInt((int) answered + 1));
            HealthScore s = HealthScore.of(in, TODAY);
            assertThat(List.of(s.score(), s.recency(), s.frequency(), s.feedback(), s.reciprocity(), s.responsiveness()))
                    .as("%s", in).allSatisfy(v -> assertThat(v).isBetween(0, 100));
        }
    }
}
