package io.rapport.metrics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.rapport.metrics.domain.Counters.*;
import static io.rapport.metrics.domain.Given.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The derived metrics of a period from its summed counters (docs/metrics.md, "Derived metrics"), and the
 * documented week of oncology-north projected without a broker or a database: each aggregate's latest
 * contribution replaces the one before it in a {@link Delta}, the team's rows of the week are summed.
 */
@Tag("unit")
class SummaryTest {

    @Test
    void shouldReproduceTheDocumentedWeekOfOncologyNorth() {
        Week week = new Week();
        week.apply("I1", interaction().status("PLANNED").channel("VIDEO").on(DEC_1));
        week.apply("I1", interaction().completed(30).channel("VIDEO").on(DEC_1).feedback(4).fromPlan()
                .transfer("MEAL", "42.50", "EUR"));
        week.apply("I2", interaction().completed(45).channel("IN_PERSON").on(day(2)).feedback(5).offPreferenceChannel()
                .adverseEvent("DS-1"));
        week.apply("I3", interaction().status("PLANNED").on(day(3)));
        week.apply("I3", interaction().status("CANCELLED").on(day(3)));
        week.apply("I4", interaction().status("PLANNED").on(day(4)));
        week.apply("I4", interaction().status("NO_SHOW").on(day(4)));
        week.apply("I2", interaction().completed(45).channel("IN_PERSON").on(day(2)).feedback(3).offPreferenceChannel()
                .adverseEvent("DS-1"));
        week.apply("M1", request().received("2026-12-01T10:00:00Z", "2026-12-01").contribution());
        week.apply("M1", request().received("2026-12-01T10:00:00Z", "2026-12-01")
                .closed("ANSWERED", "2026-12-02T16:00:00Z", true).contribution());
        week.apply("M2", request().received("2026-12-05T09:00:00Z", "2026-12-05").status("COMPLIANCE_REVIEW").offLabel()
                .contribution());
        week.apply("N1", insight().status("SUBMITTED").submitted("2026-12-01T09:00:00Z").contribution());
        week.apply("N1", insight().status("VALIDATED").submitted("2026-12-01T09:00:00Z").validated("2026-12-02T09:00:00Z")
                .contribution());
        week.apply("N2", insight().about(null).status("SUBMITTED").submitted("2026-12-02T09:00:00Z").contribution());
        week.apply("N2", insight().about(null).status("REJECTED").submitted("2026-12-02T09:00:00Z")
                .rejected("2026-12-03T09:00:00Z").contribution());
        week.apply("S1", Contributions.of(share(K1, day(2), List.of(AREA))));
        week.apply("F1", Contributions.of(followUp("SEND_MATERIAL", day(4), "OPEN", null)));
        week.apply("F1", Contributions.of(followUp("SEND_MATERIAL", day(4), "DONE", true)));

        Summary s = week.summary(TEAM, DEC_1, day(7));

        assertThat(s.interactions()).isEqualTo(new Summary.Interactions(0, 2, 1, 1, Map.of("VIDEO", 1L, "IN_PERSON", 1L),
                0, 1, 0, 0.6667, 0.5, 37.5));
        assertThat(s.feedback()).isEqualTo(new Summary.Feedback(2, 3.5));
        assertThat(s.reach()).isEqualTo(new Summary.Reach(1, 1));
        assertThat(s.insights()).isEqualTo(new Summary.Insights(2, 1, 0, 1, 0.5, 1.0));
        assertThat(s.resources()).isEqualTo(new Summary.Resources(1, 0.5));
        Summary.MedicalRequests requests = s.medicalRequests();
        assertThat(List.of(requests.received(), requests.answered(), requests.answeredOnTime(), requests.flaggedForReview(),
                requests.offLabel(), requests.withdrawn())).containsExactly(2L, 1L, 1L, 1L, 1L, 0L);
        assertThat(requests.onTimeRate()).isEqualTo(1.0);
        assertThat(requests.medianHoursToAnswer()).isEqualTo(36.0);
        assertThat(s.followUps()).isEqualTo(new Summary.FollowUps(1, 1, 1, 0, 1.0));
        assertThat(s.safety()).isEqualTo(new Summary.Safety(1, 1, 1, 1.0));
        assertThat(s.transfersOfValue()).containsExactly(
                new Summary.TransfersOfValue("MEAL", 1, Map.of("EUR", new BigDecimal("42.50"))));
    }

    @Test
    void shouldCountOnlyTheDaysOfThePeriodAsked() {
        Week week = new Week();
        week.apply("I1", interaction().completed(30).on(DEC_1));
        week.apply("I2", interaction().completed(60).on(day(8)));

        assertThat(week.summary(TEAM, DEC_1, day(7)).interactions().completed()).isEqualTo(1);
        assertThat(week.summary(TEAM, DEC_1, day(8)).interactions().averageMinutes()).isEqualTo(45.0);
        assertThat(week.summary("oncology-south", DEC_1, day(8)).interactions().completed()).isZero();
    }

    @Test
    void shouldMeasureNothingRatherThanZeroWithoutADenominator() {
        Summary empty = Summary.of(Map.of(), 0, 0);

        assertThat(empty.interactions().cancellationRate()).isNull();
        assertThat(empty.interactions().preferredChannelShare()).isNull();
        assertThat(empty.interactions().averageMinutes()).isNull();
        assertThat(empty.feedback().average()).isNull();
        assertThat(empty.insights().validatedRate()).isNull();
        assertThat(empty.insights().perCompletedInteraction()).isNull();
        assertThat(empty.resources().perCompletedInteraction()).isNull();
        assertThat(empty.medicalRequests().onTimeRate()).isNull();
        assertThat(empty.medicalRequests().medianHoursToAnswer()).isNull();
        assertThat(empty.medicalRequests().p90HoursToAnswer()).isNull();
        assertThat(empty.followUps().onTimeRate()).isNull();
        assertThat(empty.safety().onTimeRate()).isNull();
        assertThat(empty.transfersOfValue()).isEmpty();
        assertThat(empty.medicalRequests().timeToAnswer()).hasSize(Histogram.BINS);
    }

    @Test
    void shouldAnswerARealZeroWhenThereWasSomethingToMeasure() {
        Summary allLate = Summary.of(Map.of(FOLLOW_UPS_DUE, 3L, REQUESTS_ANSWERED, 2L, SAFETY_DUE, 1L), 0, 0);

        assertThat(allLate.followUps().onTimeRate()).isEqualTo(0.0);
        assertThat(allLate.medicalRequests().onTimeRate()).isEqualTo(0.0);
        assertThat(allLate.safety().onTimeRate()).isEqualTo(0.0);
    }

    @Test
    void shouldLeaveUnplannedCompletionsOutOfTheCancellationRate() {
        Summary s = Summary.of(Map.of(COMPLETED, 5L, COMPLETED_FROM_PLAN, 2L, CANCELLED, 1L, NO_SHOW, 1L), 0, 0);

        assertThat(s.interactions().cancellationRate()).isEqualTo(0.5);
    }

    @Test
    void shouldRoundRatesToFourDecimalsHalfUp() {
        Summary s = Summary.of(Map.of(INSIGHTS_VALIDATED, 2L, INSIGHTS_REJECTED, 1L, FOLLOW_UPS_DUE, 3L,
                FOLLOW_UPS_ON_TIME, 1L), 0, 0);

        assertThat(s.insights().validatedRate()).isEqualTo(0.6667);
        assertThat(s.followUps().onTimeRate()).isEqualTo(0.3333);
    }

    @Test
    void shouldSplitTransfersOfValueIntoKindsWithAmountsPerCurrency() {
        Summary s = Summary.of(Map.of("transfers-of-value.MEAL.count", 2L, "transfers-of-value.MEAL.EUR.cents", 8500L,
                "transfers-of-value.MEAL.USD.cents", 1999L, "transfers-of-value.TRAVEL.count", 1L,
                "transfers-of-value.TRAVEL.EUR.cents", 12000L), 0, 0);

        assertThat(s.transfersOfValue()).containsExactly(
                new Summary.TransfersOfValue("MEAL", 2, Map.of("EUR", new BigDecimal("85.00"), "USD", new BigDecimal("19.99"))),
                new Summary.TransfersOfValue("TRAVEL", 1, Map.of("EUR", new BigDecimal("120.00"))));
    }

    @Test
    void shouldListTheCompletionsByChannelAndKeepOnlyCountersThatAreNotZero() {
        Summary s = Summary.of(Map.of(COMPLETED, 3L, completedOn("VIDEO"), 2L, completedOn("PHONE"), 1L, PLANNED, 0L), 0, 0);

        assertThat(s.interactions().byChannel()).containsExactly(entry("PHONE", 1L), entry("VIDEO", 2L));
        assertThat(s.counters()).doesNotContainKey(PLANNED).containsEntry(COMPLETED, 3L);
    }

    private static LocalDate day(int december) {
        return LocalDate.of(2026, 12, december);
    }

    /** The roll-ups of one team built from the aggregates' latest contributions, as the projector keeps them. */
    private static final class Week {
        private final Map<String, Contribution> applied = new HashMap<>();
        private final Delta delta = new Delta();

        void apply(String aggregate, Given.InteractionFacts facts) {
            apply(aggregate, facts.contribution());
        }

        void apply(String aggregate, Contribution now) {
            delta.replace(applied.getOrDefault(aggregate, Contribution.NONE), now);
            applied.put(aggregate, now);
        }

        Summary summary(String team, LocalDate from, LocalDate to) {
            Map<String, Long> sums = new TreeMap<>();
            delta.team().forEach((row, value) -> {
                if (row.key().equals(team) && !row.day().isBefore(from) && !row.day().isAfter(to)) {
                    sums.merge(row.metric(), value, Long::sum);
                }
            });
            return Summary.of(sums, distinctKols(team, from, to, true), distinctKols(team, from, to, false));
        }

        private long distinctKols(String team, LocalDate from, LocalDate to, boolean met) {
            Set<UUID> kols = delta.contacts().entrySet().stream()
                    .filter(e -> e.getValue().team().equals(team) && !e.getKey().day().isBefore(from)
                            && !e.getKey().day().isAfter(to) && (met ? e.getValue().met() : e.getValue().content()) > 0)
                    .map(e -> e.getKey().kol()).collect(Collectors.toSet());
            return kols.size();
        }
    }
}
