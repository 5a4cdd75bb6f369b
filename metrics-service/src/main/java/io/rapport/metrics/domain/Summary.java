package io.rapport.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import static io.rapport.metrics.domain.Counters.*;

/**
 * The value metrics of a period and scope, derived from its summed counters and distinct contacts
 * (docs/metrics.md, "Derived metrics"). Rates are null when there is nothing to measure.
 */
@Schema(description = "Value metrics of a period; see docs/metrics.md for every definition")
public record Summary(Interactions interactions, Reach reach, Feedback feedback, Insights insights,
        Resources resources, MedicalRequests medicalRequests, FollowUps followUps, Safety safety,
        List<TransfersOfValue> transfersOfValue,
        @Schema(description = "Every counter of the period, by name") Map<String, Long> counters) {

    public record Interactions(long planned, long completed, long cancelled, long noShow, Map<String, Long> byChannel,
            long capOverrides, long offPreferenceChannel, long overPreferredDuration, Double cancellationRate,
            Double preferredChannelShare, Double averageMinutes) {
    }

    public record Reach(long kolsReached, long kolsReachedWithContent) {
    }

    public record Feedback(long count, Double average) {
    }

    public record Insights(long submitted, long validated, long actioned, long rejected, Double validatedRate,
            Double perCompletedInteraction) {
    }

    public record Resources(long shared, Double perCompletedInteraction) {
    }

    public record MedicalRequests(long received, long answered, long answeredOnTime, long flaggedForReview,
            long offLabel, long withdrawn, Double onTimeRate, Double medianHoursToAnswer, Double p90HoursToAnswer,
            List<Bin> timeToAnswer) {
    }

    @Schema(description = "Answers within this many hours (and more than the bin before); upToHours null: more")
    public record Bin(Double upToHours, long count) {
    }

    public record FollowUps(long due, long done, long doneOnTime, long dropped, Double onTimeRate) {
    }

    public record Safety(long mentioned, long reportsDue, long reportsOnTime, Double onTimeRate) {
    }

    @Schema(description = "Transfers of value of one kind; amounts per currency")
    public record TransfersOfValue(String kind, long count, Map<String, BigDecimal> amounts) {
    }

    public static Summary of(Map<String, Long> sums, long kolsReached, long kolsReachedWithContent) {
        Map<String, Long> c = new TreeMap<>(sums);
        c.values().removeIf(v -> v == 0);
        long completed = get(c, COMPLETED);
        long cancelled = get(c, CANCELLED);
        long noShow = get(c, NO_SHOW);
        Map<String, Long> byChannel = new TreeMap<>();
        c.forEach((name, value) -> {
            if (name.startsWith(COMPLETED_BY_CHANNEL)) {
                byChannel.put(name.substring(COMPLETED_BY_CHANNEL.length()), value);
            }
        });
        Interactions interactions = new Interactions(get(c, PLANNED), completed, cancelled, noShow, byChannel,
                get(c, CAP_OVERRIDDEN), get(c, OFF_PREFERENCE_CHANNEL), get(c, OVER_PREFERRED_DURATION),
                ratio(cancelled + noShow, get(c, COMPLETED_FROM_PLAN) + cancelled + noShow),
                completed == 0 ? null : round(1 - (double) get(c, OFF_PREFERENCE_CHANNEL) / completed),
                ratio(get(c, MINUTES), completed));
        long validated = get(c, INSIGHTS_VALIDATED);
        long rejected = get(c, INSIGHTS_REJECTED);
        Insights insights = new Insights(get(c, INSIGHTS_SUBMITTED), validated, get(c, INSIGHTS_ACTIONED), rejected,
                ratio(validated, validated + rejected), ratio(get(c, INSIGHTS_SUBMITTED), completed));
        return new Summary(interactions, new Reach(kolsReached, kolsReachedWithContent),
                new Feedback(get(c, FEEDBACK_COUNT), ratio(get(c, FEEDBACK_SUM), get(c, FEEDBACK_COUNT))), insights,
                new Resources(get(c, SHARED), ratio(get(c, SHARED), completed)), requests(c),
                new FollowUps(get(c, FOLLOW_UPS_DUE), get(c, FOLLOW_UPS_DONE), get(c, FOLLOW_UPS_ON_TIME),
                        get(c, FOLLOW_UPS_DROPPED), ratio(get(c, FOLLOW_UPS_ON_TIME), get(c, FOLLOW_UPS_DUE))),
                new Safety(get(c, SAFETY_MENTIONED), get(c, SAFETY_DUE), get(c, SAFETY_ON_TIME),
                        ratio(get(c, SAFETY_ON_TIME), get(c, SAFETY_DUE))),
                transfers(c), c);
    }

    private static MedicalRequests requests(Map<String, Long> c) {
        List<Long> counts = new ArrayList<>();
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < Histogram.BINS; i++) {
            long count = get(c, TIME_TO_ANSWER_BIN + i);
            counts.add(count);
            bins.add(new Bin(Histogram.upperBound(i), count));
        }
        long answered = get(c, REQUESTS_ANSWERED);
        return new MedicalRequests(get(c, REQUESTS_RECEIVED), answered, get(c, REQUESTS_ON_TIME),
                get(c, REQUESTS_FLAGGED), get(c, REQUESTS_OFF_LABEL), get(c, REQUESTS_WITHDRAWN),
                ratio(get(c, REQUESTS_ON_TIME), answered), round(Histogram.percentile(counts, 0.5)),
                round(Histogram.percentile(counts, 0.9)), bins);
    }

    /** "transfers-of-value.MEAL.count" and "transfers-of-value.MEAL.EUR.cents" become MEAL: 2, {EUR: 85.00}. */
    private static List<TransfersOfValue> transfers(Map<String, Long> c) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> amounts = new TreeMap<>();
        c.forEach((name, value) -> {
            if (!name.startsWith(TRANSFERS)) {
                return;
            }
            String[] parts = name.substring(TRANSFERS.length()).split("\\.");
            if (parts.length == 2 && "count".equals(parts[1])) {
                counts.put(parts[0], value);
            } else if (parts.length == 3 && "cents".equals(parts[2])) {
                amounts.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], BigDecimal.valueOf(value, 2));
            }
        });
        return counts.entrySet().stream().map(e -> new TransfersOfValue(e.getKey(), e.getValue(),
                amounts.getOrDefault(e.getKey(), Map.of()))).toList();
    }

    private static long get(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    /** Four decimals: enough for a rate, stable for CSV and tests. */
    private static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
