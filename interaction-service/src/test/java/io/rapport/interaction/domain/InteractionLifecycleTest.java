package io.rapport.interaction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.DomainException.Kind;

import static io.rapport.interaction.domain.Examples.KOL;
import static io.rapport.interaction.domain.Examples.MONDAY_NOON;
import static io.rapport.interaction.domain.Examples.completion;
import static io.rapport.interaction.domain.Examples.meal;
import static io.rapport.interaction.domain.Examples.members;
import static io.rapport.interaction.domain.Examples.plan;
import static io.rapport.interaction.domain.Examples.planned;
import static io.rapport.interaction.domain.Examples.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** The life of an {@link Interaction}: PLANNED, then COMPLETED, CANCELLED or NO_SHOW, and amendments after. */
@Tag("unit")
class InteractionLifecycleTest {

    @Nested
    class Statuses {

        @Test
        void shouldLetAPlannedInteractionBeCompletedCancelledOrMissed() {
            assertThat(InteractionStatus.PLANNED.next()).containsExactly(InteractionStatus.COMPLETED,
                    InteractionStatus.CANCELLED, InteractionStatus.NO_SHOW);
        }

        @ParameterizedTest
        @EnumSource(value = InteractionStatus.class, names = "PLANNED", mode = EnumSource.Mode.EXCLUDE)
        void shouldMakeEveryOtherStatusFinal(InteractionStatus status) {
            assertThat(status.next()).isEmpty();
        }

        @Test
        void shouldCountOnlyPlannedAndCompletedInteractionsAgainstTheCap() {
            assertThat(InteractionStatus.PLANNED.counts()).isTrue();
            assertThat(InteractionStatus.COMPLETED.counts()).isTrue();
            assertThat(InteractionStatus.CANCELLED.counts()).isFalse();
            assertThat(InteractionStatus.NO_SHOW.counts()).isFalse();
        }

        @Test
        void shouldAnswerAnyMoveFromACancelledInteractionWithNoAllowedMove() {
            Interaction cancelled = planned();
            cancelled.cancel("The KOL is ill");
            DomainException problem = InteractionService.invalidTransition(cancelled);
            assertThat(problem.kind()).isEqualTo(Kind.CONFLICT);
            assertThat(problem.slug()).isEqualTo("invalid-transition");
            assertThat(members(problem)).containsEntry("status", InteractionStatus.CANCELLED)
                    .containsEntry("allowed", List.of());
        }

        @Test
        void shouldNameTheMovesStillOpenToAPlannedInteraction() {
            DomainException problem = InteractionService.invalidTransition(planned());
            assertThat(members(problem)).containsEntry("allowed", List.of(InteractionStatus.COMPLETED,
                    InteractionStatus.CANCELLED, InteractionStatus.NO_SHOW));
            assertThat(problem.getMessage()).contains("PLANNED");
        }
    }

    @Nested
    class Recording {

        @Test
        void shouldStartPlannedAtVersionOne() {
            Interaction interaction = planned();
            assertThat(interaction.status()).isEqualTo(InteractionStatus.PLANNED);
            assertThat(interaction.version()).isEqualTo(1);
            assertThat(interaction.kolId()).isEqualTo(KOL);
            assertThat(interaction.transfersOfValue()).isEmpty();
            assertThat(interaction.completedAt()).isNull();
            assertThat(interaction.localDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        }

        @Test
        void shouldLogAnInteractionDirectlyAsCompletedAtVersionOne() {
            Interaction logged = Interaction.record(UUID.randomUUID(), plan(), completion(),
                    new Owner("msl-ada", "team-onc", "crm", "Europe/Berlin"));
            assertThat(logged.status()).isEqualTo(InteractionStatus.COMPLETED);
            assertThat(logged.version()).isEqualTo(1);
            assertThat(logged.occurredAt()).isEqualTo(MONDAY_NOON);
            assertThat(logged.durationMinutes()).isEqualTo(40);
            assertThat(logged.completedAt()).isNotNull();
            assertThat(logged.recordedBy()).isEqualTo("crm");
        }

        @Test
        void shouldRefuseANewInteractionThatIsNeitherPlannedNorCompleted() {
            refused(() -> InteractionService.checked(document(InteractionStatus.CANCELLED, MONDAY_NOON, null)), Kind.INVALID,
                    "validation");
            refused(() -> InteractionService.checked(document(InteractionStatus.NO_SHOW, MONDAY_NOON, null)), Kind.INVALID,
                    "validation");
        }

        @Test
        void shouldRefuseAPlannedInteractionWithoutAStart() {
            DomainException problem = refused(() -> InteractionService.checked(document(InteractionStatus.PLANNED,
                    null, null)), Kind.INVALID, "validation");
            assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("plannedStart"));
        }

        @Test
        void shouldRefuseALoggedInteractionWhoseCompletionIsIncomplete() {
            refused(() -> InteractionService.checked(document(InteractionStatus.COMPLETED, null, null)), Kind.RULE,
                    "completion-incomplete");
        }

        @Test
        void shouldTakeAPlannedDocumentWithoutCompletionAndACompletedOneWithIt() {
            assertThat(InteractionService.checked(document(InteractionStatus.PLANNED, MONDAY_NOON, null))).isNull();
            Completion completion = InteractionService.checked(document(InteractionStatus.COMPLETED, null, MONDAY_NOON));
            assertThat(completion.occurredAt()).isEqualTo(MONDAY_NOON);
            assertThat(completion.disclosureMade()).isTrue();
        }

        private InteractionDocument document(InteractionStatus status, Instant plannedStart, Instant occurredAt) {
            boolean done = occurredAt != null;
            return new InteractionDocument(KOL, null, null, Channel.VIDEO, InteractionKind.ONE_TO_ONE,
                    "Discuss the phase III data", null, null, null, "Europe/Berlin", plannedStart, 30, status,
                    occurredAt, done ? true : null, done ? "Agreed" : null, null, done ? false : null,
                    done ? false : null, null, null, null, null);
        }
    }

    @Nested
    class Moving {

        @Test
        void shouldCompleteAPlannedInteractionWithWhatHappened() {
            Interaction interaction = planned();
            interaction.complete(new Completion(Instant.parse("2026-03-02T13:00:00Z"), 50, "Will join the board", true,
                    5, false, false, null, List.of(meal(null)), List.of("board")));
            assertThat(interaction.status()).isEqualTo(InteractionStatus.COMPLETED);
            assertThat(interaction.version()).isEqualTo(2);
            assertThat(interaction.occurredAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
            assertThat(interaction.durationMinutes()).isEqualTo(50);
            assertThat(interaction.outcome()).isEqualTo("Will join the board");
            assertThat(interaction.feedbackScore()).isEqualTo(5);
            assertThat(interaction.topics()).containsExactly("board");
            assertThat(interaction.transfersOfValue()).containsExactly(meal(null));
            assertThat(interaction.completedAt()).isNotNull();
        }

        @Test
        void shouldKeepThePlannedTopicsWhenTheCompletionNamesNone() {
            Interaction interaction = planned();
            interaction.complete(completion());
            assertThat(interaction.topics()).containsExactly("phase-3");
        }

        @Test
        void shouldCancelWithItsReason() {
            Interaction interaction = planned();
            interaction.cancel("The congress was postponed");
            assertThat(interaction.status()).isEqualTo(InteractionStatus.CANCELLED);
            assertThat(interaction.cancelReason()).isEqualTo("The congress was postponed");
            assertThat(interaction.version()).isEqualTo(2);
        }

        @Test
        void shouldMarkANoShow() {
            Interaction interaction = planned();
            interaction.noShow();
            assertThat(interaction.status()).isEqualTo(InteractionStatus.NO_SHOW);
            assertThat(interaction.version()).isEqualTo(2);
        }

        @Test
        void shouldReplanEverythingButKeepTheTimeZoneWhenTheNewPlanNamesNone() {
            Interaction interaction = planned();
            interaction.replan(plan(Channel.IN_PERSON, Instant.parse("2026-06-01T08:00:00Z"), 60, null));
            assertThat(interaction.channel()).isEqualTo(Channel.IN_PERSON);
            assertThat(interaction.plannedStart()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
            assertThat(interaction.durationMinutes()).isEqualTo(60);
            assertThat(interaction.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(interaction.version()).isEqualTo(2);
        }

        @Test
        void shouldWithdrawACapOverrideApprovalWhenTheReasonChanges() {
            Interaction interaction = planned(plan(Channel.VIDEO, MONDAY_NOON, 30, "Asked by the KOL"), "Europe/Berlin");
            interaction.approveCapOverride("manager-max");
            assertThat(interaction.capOverrideApprovedBy()).isEqualTo("manager-max");
            assertThat(interaction.capOverrideApprovedAt()).isNotNull();

            interaction.replan(plan(Channel.PHONE, MONDAY_NOON, 30, "Asked by the KOL"));
            assertThat(interaction.capOverrideApprovedBy()).isEqualTo("manager-max");

            interaction.replan(plan(Channel.PHONE, MONDAY_NOON, 30, "A different reason"));
            assertThat(interaction.capOverrideApprovedBy()).isNull();
            assertThat(interaction.capOverrideApprovedAt()).isNull();
        }

        @Test
        void shouldAmendOnlyWhatWasLearnedAndMoveTheDateItCountsOn() {
            Interaction interaction = planned();
            interaction.complete(completion(true, false, "SR-1", List.of()));
            interaction.amend(new Amendment("Corrected outcome", 2, List.of("safety"), 25,
                    Instant.parse("2026-03-03T09:00:00Z"), "typo"));
            assertThat(interaction.outcome()).isEqualTo("Corrected outcome");
            assertThat(interaction.feedbackScore()).isEqualTo(2);
            assertThat(interaction.topics()).containsExactly("safety");
            assertThat(interaction.durationMinutes()).isEqualTo(25);
            assertThat(interaction.localDate()).isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(interaction.status()).isEqualTo(InteractionStatus.COMPLETED);
            assertThat(interaction.disclosureMade()).isTrue();
            assertThat(interaction.adverseEventMentioned()).isTrue();
            assertThat(interaction.safetyReportId()).isEqualTo("SR-1");
            assertThat(interaction.version()).isEqualTo(3);
        }

        @Test
        void shouldCountOnTheLocalDateOfTheInteractionsTimeZone() {
            Instant lateEvening = Instant.parse("2026-03-02T23:30:00Z");
            assertThat(planned(plan(Channel.VIDEO, lateEvening, 30, null), "Europe/Berlin").localDate())
                    .isEqualTo(LocalDate.of(2026, 3, 3));
            assertThat(planned(plan(Channel.VIDEO, lateEvening, 30, null), "America/Los_Angeles").localDate())
                    .isEqualTo(LocalDate.of(2026, 3, 2));
        }
    }

    @Nested
    class Safety {

        @Test
        void shouldOweDrugSafetyAReportForAMentionWithoutReportId() {
            assertThat(completed(true, false, null).safetyReportDue()).isTrue();
            assertThat(completed(false, true, null).safetyReportDue()).isTrue();
            assertThat(completed(true, true, "SR-2026-12").safetyReportDue()).isFalse();
            assertThat(completed(false, false, null).safetyReportDue()).isFalse();
            assertThat(planned().safetyReportDue()).isFalse();
        }

        @Test
        void shouldMakeASafetyMentionALegalObligationWhateverTheKolsBasis() {
            Interaction mention = completed(false, true, "SR-3");
            mention.basedOn(LegalBasis.CONSENT);
            assertThat(mention.legalBasis()).isEqualTo(LegalBasis.LEGAL_OBLIGATION);
            assertThat(mention.underLegalHold()).isTrue();

            Interaction ordinary = completed(false, false, null);
            ordinary.basedOn(LegalBasis.CONSENT);
            assertThat(ordinary.legalBasis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(ordinary.underLegalHold()).isFalse();
        }

        private Interaction completed(boolean adverseEvent, boolean complaint, String reportId) {
            Interaction interaction = planned();
            interaction.complete(completion(adverseEvent, complaint, reportId, List.of()));
            return interaction;
        }
    }

    @Nested
    class Erasure {

        private final UUID pseudonym = UUID.fromString("00000000-0000-0000-0000-00000000ffff");

        @Test
        void shouldEraseEveryFreeTextButKeepIdsAmountsAndAbsentFields() {
            Interaction interaction = planned(plan(Channel.VIDEO, MONDAY_NOON, 30, "Asked by the KOL"), "Europe/Berlin");
            interaction.complete(completion(false, false, null, List.of(meal("ADV-1"), meal(null))));
            interaction.eraseKol(pseudonym);
            assertThat(interaction.objective()).isEqualTo(Interaction.ERASED);
            assertThat(interaction.outcome()).isEqualTo(Interaction.ERASED);
            assertThat(interaction.capOverrideReason()).isEqualTo(Interaction.ERASED);
            assertThat(interaction.cancelReason()).isNull();
            assertThat(interaction.kolId()).isEqualTo(KOL);
            assertThat(interaction.transfersOfValue()).extracting(TransferOfValue::contractReference)
                    .containsExactly(Interaction.ERASED, null);
            assertThat(interaction.transfersOfValue()).extracting(TransferOfValue::amount)
                    .containsExactly(new BigDecimal("42.50"), new BigDecimal("42.50"));
        }

        @Test
        void shouldKeepASafetyRecordsContentAndReplaceTheKolByItsPseudonym() {
            Interaction interaction = planned();
            interaction.complete(completion(true, false, null, List.of()));
            interaction.eraseKol(pseudonym);
            assertThat(interaction.kolId()).isEqualTo(pseudonym);
            assertThat(interaction.objective()).isEqualTo("Discuss the phase III data");
            assertThat(interaction.outcome()).isEqualTo("Agreed to review the protocol");
        }

        @Test
        void shouldKeepKindAmountAndCurrencyOfAnErasedTransferOfValue() {
            TransferOfValue fee = new TransferOfValue(TransferOfValue.Kind.HONORARIUM, new BigDecimal("1500.00"), "USD",
                    "Contract for Dr. Example");
            assertThat(fee.erased()).isEqualTo(new TransferOfValue(TransferOfValue.Kind.HONORARIUM,
                    new BigDecimal("1500.00"), "USD", Interaction.ERASED));
            assertThat(meal(null).erased()).isEqualTo(meal(null));
        }
    }
}
