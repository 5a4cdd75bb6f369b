package io.rapport.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Relationship health of a KOL, 0-100 (docs/metrics.md, "Relationship health"): recency, frequency against the
 * tier's target, KOL feedback, reciprocity and responsiveness, weighted 30/25/15/15/15.
 */
public record HealthScore(int score, int recency, int frequency, int feedback, int reciprocity, int responsiveness) {

    /** What the score reads about one KOL, as of a day. */
    public record Inputs(LocalDate lastContact, long contactsLast90Days, int tierTarget, long feedbackSum,
            long feedbackCount, long insightsLastYear, long completedLastYear, long answeredLastYear,
            long answeredOnTimeLastYear) {
    }

    public static HealthScore of(Inputs in, LocalDate today) {
        double r = recency(in.lastContact(), today);
        double f = 100.0 * Math.min(1.0, (double) in.contactsLast90Days() / Math.max(1, in.tierTarget()));
        double b = in.feedbackCount() == 0 ? 50 : 100.0 * ((double) in.feedbackSum() / in.feedbackCount() - 1) / 4;
        double q = in.completedLastYear() == 0 ? 0
                : 100.0 * Math.min(1.0, (double) in.insightsLastYear() / in.completedLastYear() / 0.5);
        double m = in.answeredLastYear() == 0 ? 100 : 100.0 * in.answeredOnTimeLastYear() / in.answeredLastYear();
        double score = 0.30 * r + 0.25 * f + 0.15 * b + 0.15 * q + 0.15 * m;
        return new HealthScore(round(score), round(r), round(f), round(b), round(q), round(m));
    }

    static double recency(LocalDate lastContact, LocalDate today) {
        if (lastContact == null) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(lastContact, today);
        if (days <= 30) {
            return 100;
        }
        return days >= 180 ? 0 : 100.0 * (180 - days) / 150;
    }

    /** Half up, on the decimal value (0.30 × 90 is 27, not 26.999...). */
    static int round(double value) {
        return new BigDecimal(Double.toString(value)).setScale(0, RoundingMode.HALF_UP).intValue();
    }
}
