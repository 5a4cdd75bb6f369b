package io.rapport.insight.domain;

/**
 * A tag or category heard in a period, with its count in the period before of the same length and how it
 * moved: strong, rising signals are what medical strategy wants to see first.
 */
public record Theme(String theme, long count, long previousCount, long change, Trend trend) {

    public enum Trend {
        NEW,
        RISING,
        STEADY,
        FALLING
    }

    public static Theme of(String theme, long count, long previous) {
        Trend trend = previous == 0 ? (count > 0 ? Trend.NEW : Trend.STEADY)
                : count > previous ? Trend.RISING : count < previous ? Trend.FALLING : Trend.STEADY;
        return new Theme(theme, count, previous, count - previous, trend);
    }
}
