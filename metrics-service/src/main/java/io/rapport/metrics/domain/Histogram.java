package io.rapport.metrics.domain;

import java.util.List;

/**
 * Time to answer a medical request in fixed bins (hours), so medians and percentiles of any period and any
 * dimension come from summed counters. Bin i holds answers of at most {@code UPPER[i]} hours (and more than
 * the bin before); the last bin is open.
 */
public final class Histogram {

    static final double[] UPPER = { 1, 2, 4, 8, 12, 24, 48, 72, 120, 168 };
    public static final int BINS = UPPER.length + 1;

    private Histogram() {
    }

    public static int binOf(double hours) {
        for (int i = 0; i < UPPER.length; i++) {
            if (hours <= UPPER[i]) {
                return i;
            }
        }
        return UPPER.length;
    }

    /** The upper bound of a bin in hours; null for the open last bin. */
    public static Double upperBound(int bin) {
        return bin < UPPER.length ? UPPER[bin] : null;
    }

    /**
     * The p-th percentile (0 < p <= 1) estimated from the bin counts: rank p × n, interpolated linearly in the
     * bin that reaches it; the open last bin answers its lower bound. Null without answers.
     */
    public static Double percentile(List<Long> counts, double p) {
        long n = counts.stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double rank = p * n;
        long before = 0;
        for (int i = 0; i < counts.size(); i++) {
            long inBin = counts.get(i);
            if (inBin > 0 && before + inBin >= rank) {
                double lower = i == 0 ? 0 : UPPER[i - 1];
                if (i == UPPER.length) {
                    return lower;
                }
                return lower + (UPPER[i] - lower) * (rank - before) / inBin;
            }
            before += inBin;
        }
        return UPPER[UPPER.length - 1];
    }
}
