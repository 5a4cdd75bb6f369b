package io.rapport.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formulas of docs/metrics.md, checked against its worked examples. */
class HealthScoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

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
        assertThat(HealthScore.recency(TODAY.minusDays(30), TODAY)).isEqualTo(100);
        assertThat(HealthScore.recency(TODAY.minusDays(105), TODAY)).isEqualTo(50);
        assertThat(HealthScore.recency(TODAY.minusDays(180), TODAY)).isZero();
        assertThat(HealthScore.recency(TODAY.minusDays(400), TODAY)).isZero();
    }

    @Test
    void shouldCapFrequencyAndReciprocityAtFullMarks() {
        HealthScore busy = HealthScore.of(new HealthScore.Inputs(TODAY, 12, 4, 20, 4, 9, 6, 0, 0), TODAY);
        assertThat(busy.frequency()).isEqualTo(100);
        assertThat(busy.reciprocity()).isEqualTo(100);
        assertThat(busy.score()).isEqualTo(100);
    }

    @Test
    void shouldEstimateMediansFromTheBins() {
        assertThat(Histogram.percentile(counts(6, 1), 0.5)).isEqualTo(36.0);
        assertThat(Histogram.percentile(counts(0, 2, 1, 2), 0.5)).isEqualTo(1.0);
        assertThat(Histogram.percentile(counts(0, 2, 1, 2), 0.75)).isEqualTo(1.5);
        assertThat(Histogram.percentile(counts(10, 3), 0.9)).isEqualTo(168.0);
        assertThat(Histogram.percentile(List.of(0L, 0L), 0.5)).isNull();
        assertThat(Histogram.binOf(24.0)).isEqualTo(5);
        assertThat(Histogram.binOf(24.01)).isEqualTo(6);
        assertThat(Histogram.binOf(500)).isEqualTo(10);
    }

    /** Bin counts: {@code counts(6, 1)} is one answer in bin 6; {@code counts(0, 2, 1, 2)} two in bin 0, two in 1. */
    private static List<Long> counts(int... binAndCount) {
        Long[] bins = new Long[Histogram.BINS];
        java.util.Arrays.fill(bins, 0L);
        for (int i = 0; i < binAndCount.length; i += 2) {
            bins[binAndCount[i]] = (long) binAndCount[i + 1];
        }
        return List.of(bins);
    }
}
