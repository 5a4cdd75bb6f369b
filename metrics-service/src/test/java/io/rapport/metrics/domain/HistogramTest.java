package io.rapport.metrics.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Time to answer in fixed bins, and percentiles estimated from summed bin counts (docs/metrics.md). */
@Tag("unit")
class HistogramTest {

    @Test
    void shouldPutEachAnswerInTheFirstBinWhoseInclusiveUpperBoundItDoesNotExceed() {
        // docs/metrics.md: 0: <=1, 1: <=2, 2: <=4, 3: <=8, 4: <=12, 5: <=24, 6: <=48, 7: <=72, 8: <=120, 9: <=168, 10: more.
        double[] bounds = { 1, 2, 4, 8, 12, 24, 48, 72, 120, 168 };
        for (int bin = 0; bin < bounds.length; bin++) {
            assertThat(Histogram.binOf(bounds[bin])).as("%s h", bounds[bin]).isEqualTo(bin);
            assertThat(Histogram.binOf(bounds[bin] + 0.01)).as("just over %s h", bounds[bin]).isEqualTo(bin + 1);
        }
        assertThat(Histogram.binOf(0)).isZero();
        assertThat(Histogram.binOf(10_000)).isEqualTo(10);
        assertThat(Histogram.BINS).isEqualTo(11);
    }

    @Test
    void shouldLeaveTheLastBinOpen() {
        assertThat(Histogram.upperBound(0)).isEqualTo(1.0);
        assertThat(Histogram.upperBound(9)).isEqualTo(168.0);
        assertThat(Histogram.upperBound(10)).isNull();
    }

    @Test
    void shouldEstimateTheWorkedExamplesMedianInsideItsBin() {
        // One answer after 30 h (bin 6, 24-48 h): 24 + 24 x 0.5 / 1.
        assertThat(Histogram.percentile(counts(6, 1), 0.5)).isEqualTo(36.0);
    }

    @Test
    void shouldInterpolateByRankWithinTheBinThatReachesIt() {
        // Four answers within the first hour: the median is rank 2 of 4, half way through 0-1 h.
        assertThat(Histogram.percentile(counts(0, 4), 0.5)).isEqualTo(0.5);
        // Two in 0-1 h, two in 1-2 h: rank 2 closes bin 0, rank 3 is half way through bin 1.
        assertThat(Histogram.percentile(counts(0, 2, 1, 2), 0.5)).isEqualTo(1.0);
        assertThat(Histogram.percentile(counts(0, 2, 1, 2), 0.75)).isEqualTo(1.5);
        // Ten answers in 4-8 h: p90 is rank 9, nine tenths of the way from 4 to 8.
        assertThat(Histogram.percentile(counts(3, 10), 0.9)).isEqualTo(7.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldAnswerTheLowerBoundOfTheOpenLastBin() {
        assertThat(Histogram.percentile(counts(10, 3), 0.9)).isEqualTo(168.0);
        assertThat(Histogram.percentile(counts(10, 3), 0.1)).isEqualTo(168.0);
    }

    @Test
    void shouldHaveNoPercentileWithoutAnswers() {
        assertThat(Histogram.percentile(counts(), 0.5)).isNull();
        assertThat(Histogram.percentile(List.of(), 0.9)).isNull();
    }

    @Test
    void shouldSkipEmptyBinsBeforeTheRank() {
        // Nothing under 24 h: the median of two answers in 48-72 h lies in that bin, not at an empty one's edge.
        assertThat(Histogram.percentile(counts(7, 2), 0.5)).isEqualTo(60.0);
    }

    @Test
    void shouldGrowWithThePercentileAndStayWithinTheAnswersBins() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            List<Long> bins = new ArrayList<>();
            for (int i = 0; i < Histogram.BINS; i++) {
                bins.add(random.nextInt(3) == 0 ? (long) random.nextInt(5) : 0L);
            }
            if (bins.stream().mapToLong(Long::longValue).sum() == 0) {
                continue;
            }
            int lowest = firstNonEmpty(bins);
            int highest = lastNonEmpty(bins);
            double floor = lowest == 0 ? 0 : Histogram.upperBound(lowest - 1);
            double ceiling = Histogram.upperBound(highest) == null ? 168 : Histogram.upperBound(highest);
            double previous = -1;
            for (double p : new double[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0 }) {
                double value = Histogram.percentile(bins, p);
                assertThat(value).as("p%s of %s", p, bins).isGreaterThanOrEqualTo(previous).isBetween(floor, ceiling);
                previous = value;
            }
        }
    }

    private static int firstNonEmpty(List<Long> bins) {
        for (int i = 0; i < bins.size(); i++) {
            if (bins.get(i) > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("empty");
    }

    private static int lastNonEmpty(List<Long> bins) {
        for (int i = bins.size() - 1; i >= 0; i--) {
            if (bins.get(i) > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("empty");
    }

    /** Bin counts: {@code counts(6, 1)} is one answer in bin 6; {@code counts(0, 2, 1, 2)} two in bin 0, two in 1. */
    static List<Long> counts(int... binAndCount) {
        Long[] bins = new Long[Histogram.BINS];
        Arrays.fill(bins, 0L);
        for (int i = 0; i < binAndCount.length; i += 2) {
            bins[binAndCount[i]] = (long) binAndCount[i + 1];
        }
        return List.of(bins);
    }
}
