package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.rapport.metrics.domain.Counters.*;
import static io.rapport.metrics.domain.Given.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What each aggregate's state contributes, on which day and under which dimensions (docs/metrics.md, "Counters"). */
@Tag("unit")
class ContributionsTest {

    private static final LocalDate DEC_2 = LocalDate.of(2026, 12, 2);
    private static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);

    @Nested
    class Interactions {

        @Test
        void shouldCountAPlannedInteractionAsPlannedOnlyWithoutAContact() {
            Contribution planned = interaction().status("PLANNED").contribution();

            assertThat(planned.cells()).containsExactly(cell(DEC_1, PLANNED, 1));
            assertThat(planned.contacts()).isEmpty();
        }

        @Test
        void shouldCountACompletedInteractionByChannelWithItsMinutesAndAContactMet() {
            Contribution completed = interaction().completed(30).channel("IN_PERSON").contribution();

            assertThat(completed.cells()).containsExactly(cell(DEC_1, COMPLETED, 1,
                    "interactions.completed.channel.IN_PERSON", 1, MINUTES, 30));
            assertThat(completed.contacts()).containsExactly(new Contact(K1, ADA, DEC_1, TEAM, 1, 0));
        }

        @Test
        void shouldNoLongerCountAsPlannedOnceCompleted() {
            assertThat(interaction().completed(30).contribution().cells().get(0).counters()).doesNotContainKey(PLANNED);
        }

        @Test
        void shouldCountCompletedFromPlanOnlyWhenThereWasAPlannedStart() {
            assertThat(counters(interaction().completed(30).fromPlan().contribution())).containsEntry(COMPLETED_FROM_PLAN, 1L);
            assertThat(counters(interaction().completed(30).contribution())).doesNotContainKey(COMPLETED_FROM_PLAN);
        }

        @Test
        void shouldCountCancelledAndNoShowWithoutACompletionOrAContact() {
            Contribution cancelled = interaction().status("CANCELLED").contribution();
            Contribution noShow = interaction().status("NO_SHOW").contribution();

            assertThat(cancelled.cells()).containsExactly(cell(DEC_1, CANCELLED, 1));
            assertThat(noShow.cells()).containsExactly(cell(DEC_1, NO_SHOW, 1));
            assertThat(cancelled.contacts()).isEmpty();
            assertThat(noShow.contacts()).isEmpty();
        }

        @Test
        void shouldCountACapOverrideOnlyForPlannedOrCompletedInteractions() {
            assertThat(counters(interaction().status("PLANNED").capOverridden().contribution())).containsEntry(CAP_OVERRIDDEN,
                    1L);
            assertThat(counters(interaction().completed(20).capOverridden().contribution())).containsEntry(CAP_OVERRIDDEN, 1L);
            assertThat(counters(interaction().status("CANCELLED").capOverridden().contribution()))
                    .doesNotContainKey(CAP_OVERRIDDEN);
            assertThat(counters(interaction().status("NO_SHOW").capOverridden().contribution()))
                    .doesNotContainKey(CAP_OVERRIDDEN);
        }

        @Test
        void shouldCountChannelAndDurationPreferencesOnlyOnceCompleted() {
            Map<String, Long> completed = counters(interaction().completed(90).offPreferenceChannel().overPreferredDuration()
                    .contribution());
            Map<String, Long> planned = counters(interaction().offPreferenceChannel().overPreferredDuration().contribution());

            assertThat(completed).containsEntry(OFF_PREFERENCE_CHANNEL, 1L).containsEntry(OVER_PREFERRED_DURATION, 1L);
            assertThat(planned).doesNotContainKeys(OFF_PREFERENCE_CHANNEL, OVER_PREFERRED_DURATION);
        }

        @Test
        void shouldAddTheFeedbackScoreAndCountItOnce() {
            assertThat(counters(interaction().completed(30).feedback(4).contribution()))
                    .containsEntry(FEEDBACK_SUM, 4L).containsEntry(FEEDBACK_COUNT, 1L);
        }

        @Test
        void shouldNotCountFeedbackThatWasNotGiven() {
            assertThat(counters(interaction().completed(30).feedback(null).contribution()))
                    .doesNotContainKeys(FEEDBACK_SUM, FEEDBACK_COUNT);
        }

        @Test
        void shouldNotCountMinutesOfACompletionWithoutADuration() {
            assertThat(counters(interaction().completed(30).contribution())).containsEntry(MINUTES, 30L);
            Given.InteractionFacts noDuration = interaction().status("COMPLETED");
            assertThat(counters(noDuration.contribution())).containsEntry(COMPLETED, 1L).doesNotContainKey(MINUTES);
        }

        @Test
        void shouldMeetTheSafetyObligationTheSameDayWhenTheReportIdCameWithTheCompletion() {
            assertThat(counters(interaction().completed(45).adverseEvent("DS-1").contribution()))
                    .containsEntry(SAFETY_MENTIONED, 1L).containsEntry(SAFETY_DUE, 1L).containsEntry(SAFETY_ON_TIME, 1L);
        }

        @Test
        void shouldLeaveTheSafetyObligationToItsFollowUpWhenNoReportIdCameWithTheCompletion() {
            assertThat(counters(interaction().completed(45).adverseEvent(null).contribution()))
                    .containsEntry(SAFETY_MENTIONED, 1L).doesNotContainKeys(SAFETY_DUE, SAFETY_ON_TIME);
        }

        @Test
        void shouldCountAProductComplaintAsASafetyMention() {
            assertThat(counters(interaction().completed(45).productComplaint("DS-2").contribution()))
                    .containsEntry(SAFETY_MENTIONED, 1L).containsEntry(SAFETY_DUE, 1L);
        }

        @Test
        void shouldNotCountASafetyMentionOfAMeetingThatDidNotHappen() {
            assertThat(counters(interaction().status("CANCELLED").adverseEvent("DS-3").contribution()))
                    .doesNotContainKeys(SAFETY_MENTIONED, SAFETY_DUE, SAFETY_ON_TIME);
        }

        @Test
        void shouldAddTransfersOfValuePerKindAndCurrencyInCents() {
            Contribution c = interaction().completed(30).transfer("MEAL", "42.50", "EUR").transfer("MEAL", "10", "eur")
                    .transfer("MEAL", "5.25", "USD").transfer("TRAVEL", "120.00", "EUR").contribution();

            assertThat(counters(c)).containsEntry("transfers-of-value.MEAL.count", 3L)
                    .containsEntry("transfers-of-value.MEAL.EUR.cents", 5250L)
                    .containsEntry("transfers-of-value.MEAL.USD.cents", 525L)
                    .containsEntry("transfers-of-value.TRAVEL.count", 1L)
                    .containsEntry("transfers-of-value.TRAVEL.EUR.cents", 12000L)
                    .doesNotContainKey("transfers-of-value.MEAL.eur.cents");
        }

        @Test
        void shouldRoundAFractionOfACentHalfUp() {
            assertThat(Contributions.cents(new java.math.BigDecimal("42.505"))).isEqualTo(4251);
            assertThat(Contributions.cents(new java.math.BigDecimal("42.504"))).isEqualTo(4250);
            assertThat(Contributions.cents(new java.math.BigDecimal("0.1"))).isEqualTo(10);
        }

        @Test
        void shouldCountUnderTheInteractionsDayMslTeamKolAndArea() {
            Contribution c = interaction().status("PLANNED").on(DEC_3).by("msl-bo", "oncology-south").with(K2)
                    .in("CARDIOLOGY").contribution();

            assertThat(c.cells()).containsExactly(
                    new Cell(DEC_3, "msl-bo", "oncology-south", K2, "CARDIOLOGY", Map.of(PLANNED, 1L)));
        }
    }

    @Nested
    class FollowUps {

        @Test
        void shouldCountAnOpenFollowUpAsDueOnItsDueDate() {
            assertThat(Contributions.of(followUp("SEND_MATERIAL", DEC_3, "OPEN", null)).cells())
                    .containsExactly(withoutArea(DEC_3, FOLLOW_UPS_DUE, 1));
        }

        @Test
        void shouldCountAFollowUpDoneOnTimeAsDueDoneAndOnTime() {
            assertThat(Contributions.of(followUp("SEND_MATERIAL", DEC_3, "DONE", true)).cells())
                    .containsExactly(withoutArea(DEC_3, FOLLOW_UPS_DUE, 1, FOLLOW_UPS_DONE, 1, FOLLOW_UPS_ON_TIME, 1));
        }

        @Test
        void shouldNotCountALateFollowUpAsOnTime() {
            assertThat(Contributions.of(followUp("SEND_MATERIAL", DEC_3, "DONE", false)).cells())
                    .containsExactly(withoutArea(DEC_3, FOLLOW_UPS_DUE, 1, FOLLOW_UPS_DONE, 1));
        }

        @Test
        void shouldCountADroppedFollowUpAsDueAndDropped() {
            assertThat(Contributions.of(followUp("SEND_MATERIAL", DEC_3, "DROPPED", null)).cells())
                    .containsExactly(withoutArea(DEC_3, FOLLOW_UPS_DUE, 1, FOLLOW_UPS_DROPPED, 1));
        }

        @Test
        void shouldMeetTheSafetyObligationWhenTheSafetyReportFollowUpIsDoneOnTime() {
            assertThat(counters(Contributions.of(followUp("SAFETY_REPORT", DEC_3, "DONE", true))))
                    .containsEntry(SAFETY_ON_TIME, 1L).doesNotContainKey(SAFETY_DUE);
            assertThat(counters(Contributions.of(followUp("SAFETY_REPORT", DEC_3, "DONE", false))))
                    .doesNotContainKey(SAFETY_ON_TIME);
            assertThat(counters(Contributions.of(followUp("SEND_MATERIAL", DEC_3, "DONE", true))))
                    .doesNotContainKey(SAFETY_ON_TIME);
        }

        @Test
        void shouldCountTheSafetyReportDueOnItsDueDate() {
            Facts.SafetyReportDue due = new Facts.SafetyReportDue(UUID.randomUUID(), K1, ADA, TEAM, DEC_3, 1L);

            assertThat(Contributions.of(due).cells()).containsExactly(withoutArea(DEC_3, SAFETY_DUE, 1));
        }
    }

    @Nested
    class MedicalRequests {

        @Test
        void shouldCountAReceivedRequestOnItsLocalDate() {
            assertThat(request().contribution().cells()).containsExactly(cell(DEC_1, REQUESTS_RECEIVED, 1));
        }

        @Test
        void shouldCountAnOffLabelRequest() {
            assertThat(request().offLabel().contribution().cells())
                    .containsExactly(cell(DEC_1, REQUESTS_RECEIVED, 1, REQUESTS_OFF_LABEL, 1));
        }

        @Test
        void shouldCountARequestAsFlaggedInComplianceReviewAndOnceAReviewDecisionWasTaken() {
            assertThat(counters(request().status("COMPLIANCE_REVIEW").contribution())).containsEntry(REQUESTS_FLAGGED, 1L);
            assertThat(counters(request().closed("ANSWERED", "2026-12-03T10:00:00Z", true).reviewDecision("APPROVED")
                    .contribution())).containsEntry(REQUESTS_FLAGGED, 1L);
            assertThat(counters(request().contribution())).doesNotContainKey(REQUESTS_FLAGGED);
        }

        @Test
        void shouldCountTheAnswerOnTheLocalDayItWasAnsweredInTheBinOfItsHours() {
            // The worked example's M1: received 1 December 10:00Z, answered 2 December 16:00Z (30 h), on time.
            Contribution answered = request().closed("ANSWERED", "2026-12-02T16:00:00Z", true).contribution();

            assertThat(answered.cells()).containsExactly(cell(DEC_1, REQUESTS_RECEIVED, 1),
                    cell(DEC_2, REQUESTS_ANSWERED, 1, REQUESTS_ON_TIME, 1, "medical-requests.time-to-answer.bin.6", 1));
        }

        @Test
        void shouldCountAForwardToMedicalInformationAsAnswered() {
            Contribution forwarded = request().closed("FORWARDED_TO_MEDICAL_INFORMATION", "2026-12-01T10:30:00Z", false)
                    .contribution();

            assertThat(forwarded.cells()).containsExactly(cell(DEC_1, REQUESTS_RECEIVED, 1),
                    cell(DEC_1, REQUESTS_ANSWERED, 1, "medical-requests.time-to-answer.bin.0", 1));
        }

        @Test
        void shouldCountAWithdrawnRequestOnTheDayItWasWithdrawnWithoutAnAnswer() {
            Contribution withdrawn = request().closed("WITHDRAWN", "2026-12-03T08:00:00Z", null).contribution();

            assertThat(withdrawn.cells()).containsExactly(cell(DEC_1, REQUESTS_RECEIVED, 1),
                    cell(DEC_3, REQUESTS_WITHDRAWN, 1));
        }

        @Test
        void shouldMeasureTheTimeToAnswerInElapsedHoursAcrossAClockChange() {
            // Berlin springs forward on 29 March 2026: 24 elapsed hours are only 23 on the wall clock.
            Contribution acrossDst = request().received("2026-03-28T12:00:00Z", "2026-03-28")
                    .closed("ANSWERED", "2026-03-29T12:00:00Z", true).contribution();

            assertThat(acrossDst.cells().get(1).counters()).containsKey("medical-requests.time-to-answer.bin.5");
        }

        @Test
        void shouldCountTheAnswerOnTheDateOfTheRequestsTimeZone() {
            // 23:30Z on 1 December is already 2 December in Berlin, still 1 December in New York.
            Contribution berlin = request().closed("ANSWERED", "2026-12-01T23:30:00Z", true).contribution();
            Contribution newYork = request().zone("America/New_York").closed("ANSWERED", "2026-12-01T23:30:00Z", true)
                    .contribution();

            assertThat(berlin.cells().get(1).day()).isEqualTo(DEC_2);
            assertThat(newYork.cells().get(1).day()).isEqualTo(DEC_1);
        }
    }

    @Nested
    class Insights {

        @Test
        void shouldNotCountADraft() {
            assertThat(insight().status("DRAFT").contribution()).isEqualTo(Contribution.NONE);
        }

        @Test
        void shouldNotCountAReworkedDraftUntilItIsResubmitted() {
            assertThat(insight().status("DRAFT").submitted("2026-12-01T09:00:00Z").contribution().cells()).isEmpty();
        }

        @Test
        void shouldCountASubmittedInsightOnTheLocalDateOfSubmission() {
            assertThat(insight().status("SUBMITTED").submitted("2026-12-01T09:00:00Z").contribution().cells())
                    .containsExactly(cell(DEC_1, INSIGHTS_SUBMITTED, 1));
        }

        @Test
        void shouldCountEachStepOfAnActionedInsightOnItsOwnDay() {
            Contribution actioned = insight().status("ACTIONED").submitted("2026-12-01T09:00:00Z")
                    .validated("2026-12-02T09:00:00Z").actioned("2026-12-03T09:00:00Z").contribution();

            assertThat(actioned.cells()).containsExactly(cell(DEC_1, INSIGHTS_SUBMITTED, 1),
                    cell(DEC_2, INSIGHTS_VALIDATED, 1), cell(DEC_3, INSIGHTS_ACTIONED, 1));
        }

        @Test
        void shouldCountARejectedInsightAsSubmittedAndRejectedButNotValidated() {
            Contribution rejected = insight().status("REJECTED").submitted("2026-12-02T09:00:00Z")
                    .rejected("2026-12-03T09:00:00Z").contribution();

            assertThat(rejected.cells()).containsExactly(cell(DEC_2, INSIGHTS_SUBMITTED, 1), cell(DEC_3, INSIGHTS_REJECTED, 1));
        }

        @Test
        void shouldCountAnAnonymousInsightWithoutAKol() {
            Contribution anonymous = insight().about(null).status("SUBMITTED").submitted("2026-12-01T09:00:00Z")
                    .contribution();

            assertThat(anonymous.cells()).containsExactly(
                    new Cell(DEC_1, ADA, TEAM, null, AREA, Map.of(INSIGHTS_SUBMITTED, 1L)));
            assertThat(anonymous.kol()).isNull();
        }

        @Test
        void shouldCountOnTheAuthorsLocalDateAcrossTheDateLine() {
            // 11:30Z on 1 December is 00:30 on 2 December in Auckland (UTC+13 in summer).
            Contribution auckland = insight().zone("Pacific/Auckland").status("SUBMITTED")
                    .submitted("2026-12-01T11:30:00Z").contribution();

            assertThat(auckland.cells().get(0).day()).isEqualTo(DEC_2);
        }

        @Test
        void shouldCountAnInsightsSafetyObligationOnItsDueDate() {
            Facts.InsightSafety onTime = new Facts.InsightSafety(UUID.randomUUID(), K1, ADA, TEAM, DEC_3, true, 1L);
            Facts.InsightSafety due = new Facts.InsightSafety(UUID.randomUUID(), K1, ADA, TEAM, DEC_3, null, 1L);

            assertThat(Contributions.of(onTime).cells())
                    .containsExactly(withoutArea(DEC_3, SAFETY_MENTIONED, 1, SAFETY_DUE, 1, SAFETY_ON_TIME, 1));
            assertThat(Contributions.of(due).cells()).containsExactly(withoutArea(DEC_3, SAFETY_MENTIONED, 1, SAFETY_DUE, 1));
        }
    }

    @Nested
    class Shares {

        @Test
        void shouldCountAShareUnderItsPrimaryAreaWithAContentContact() {
            Contribution share = Contributions.of(share(K1, DEC_2, List.of("ONCOLOGY", "HAEMATOLOGY")));

            assertThat(share.cells()).containsExactly(cell(DEC_2, SHARED, 1));
            assertThat(share.contacts()).containsExactly(new Contact(K1, ADA, DEC_2, TEAM, 0, 1));
        }

        @Test
        void shouldCountAShareWithoutAreasOutsideTheAreaTable() {
            assertThat(Contributions.of(share(K1, DEC_2, null)).cells().get(0).area()).isNull();
            assertThat(Contributions.of(share(K1, DEC_2, List.of())).cells().get(0).area()).isNull();
        }

        @Test
        void shouldNotRecordAContactForAShareWithoutAKol() {
            Contribution share = Contributions.of(share(null, DEC_2, List.of("ONCOLOGY")));

            assertThat(share.cells()).hasSize(1);
            assertThat(share.contacts()).isEmpty();
        }
    }

    @Nested
    class CellsAndContributions {

        @Test
        void shouldDropCellsThatCountNothing() {
            Cell empty = Cell.on(DEC_1, ADA, TEAM, K1, AREA).add(PLANNED, 0);

            assertThat(Contribution.of(List.of(empty)).cells()).isEmpty();
        }

        @Test
        void shouldNameTheKolOfItsCellsOrElseOfItsContacts() {
            Contribution fromCells = Contribution.of(List.of(Cell.on(DEC_1, ADA, TEAM, null, AREA).add(SHARED, 1),
                    Cell.on(DEC_1, ADA, TEAM, K2, AREA).add(SHARED, 1)));
            Contribution fromContacts = new Contribution(List.of(Cell.on(DEC_1, ADA, TEAM, null, AREA).add(SHARED, 1)),
                    List.of(new Contact(K1, ADA, DEC_1, TEAM, 0, 1)));

            assertThat(fromCells.kol()).isEqualTo(K2);
            assertThat(fromContacts.kol()).isEqualTo(K1);
            assertThat(Contribution.NONE.kol()).isNull();
        }

        @Test
        void shouldSumACounterAddedTwiceToTheSameCell() {
            Cell cell = Cell.on(DEC_1, ADA, TEAM, K1, AREA).add(MINUTES, 30).add(MINUTES, 15).addIf(false, PLANNED);

            assertThat(cell.counters()).isEqualTo(Map.of(MINUTES, 45L));
        }
    }

    /** A cell of msl-ada, oncology-north, K1 and ONCOLOGY with the counters given as name, value pairs. */
    private static Cell cell(LocalDate day, Object... counters) {
        return cellOf(day, AREA, counters);
    }

    /** The same without a therapeutic area (follow-ups and safety obligations carry none). */
    private static Cell withoutArea(LocalDate day, Object... counters) {
        return cellOf(day, null, counters);
    }

    private static Cell cellOf(LocalDate day, String area, Object[] counters) {
        Map<String, Long> values = new TreeMap<>();
        for (int i = 0; i < counters.length; i += 2) {
            values.put((String) counters[i], ((Number) counters[i + 1]).longValue());
        }
        return new Cell(day, ADA, TEAM, K1, area, values);
    }

    /** Every counter of a contribution, summed over its cells. */
    private static Map<String, Long> counters(Contribution contribution) {
        Map<String, Long> sums = new TreeMap<>();
        contribution.cells().forEach(cell -> cell.counters().forEach((name, value) -> sums.merge(name, value, Long::sum)));
        return sums;
    }
}
