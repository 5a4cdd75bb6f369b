package io.rapport.interaction.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import io.rapport.interaction.domain.MedicalRequest.Initiator;
import io.rapport.interaction.domain.MedicalRequest.ReviewDecision;
import io.rapport.interaction.domain.MedicalRequest.Status;
import io.rapport.platform.domain.DomainException.Kind;

import static io.rapport.interaction.domain.Examples.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MedicalRequest}: RECEIVED (or COMPLIANCE_REVIEW when solicited off-label), then ANSWERED, FORWARDED or
 * WITHDRAWN; its legal basis, SLA and erasure.
 */
@Tag("unit")
class MedicalRequestLifecycleTest {

    private static final UUID LETTER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    static RequestDocument asked(Initiator by, boolean offLabel, boolean unsolicited, Boolean attested,
            boolean adverseEvent) {
        return new RequestDocument(Examples.KOL, null, null, "Does it work in children?", by, "ONC", null, offLabel,
                unsolicited, attested, null, MedicalRequest.ResponseChannel.EMAIL, null, adverseEvent, null);
    }

    private static MedicalRequest received(RequestDocument document, Instant receivedAt, Instant dueAt) {
        return MedicalRequest.receive(document, new Owner("msl-ada", "team-onc", "assistant-cy", "Europe/Berlin"),
                receivedAt, dueAt, LegalBasis.LEGITIMATE_INTEREST);
    }

    /** On-label, asked by the KOL when the MSL asked for questions; due in five days. */
    private static MedicalRequest onLabel() {
        Instant now = Instant.now();
        return received(asked(Initiator.KOL, false, false, null, false), now, now.plus(Duration.ofDays(5)));
    }

    private static MedicalRequest solicitedOffLabel() {
        Instant now = Instant.now();
        return received(asked(Initiator.MSL, true, false, null, false), now, now.plus(Duration.ofDays(5)));
    }

    @Nested
    class Receiving {

        @Test
        void shouldHoldASolicitedOffLabelRequestForComplianceReviewInsteadOfRefusingIt() {
            MedicalRequest request = solicitedOffLabel();
            assertThat(request.status()).isEqualTo(Status.COMPLIANCE_REVIEW);
            assertThat(request.open()).isTrue();
            assertThat(request.question()).isEqualTo("Does it work in children?");
        }

        @Test
        void shouldReceiveAnUnsolicitedOffLabelOrAnyOnLabelRequest() {
            Instant now = Instant.now();
            assertThat(received(asked(Initiator.KOL, true, true, true, false), now, now).status())
                    .isEqualTo(Status.RECEIVED);
            assertThat(received(asked(Initiator.MSL, false, false, null, false), now, now).status())
                    .isEqualTo(Status.RECEIVED);
            assertThat(onLabel().version()).isEqualTo(1);
        }

        @Test
        void shouldRecordWhenTheMslAttestedTheRequestWasUnsolicited() {
            Instant now = Instant.now();
            assertThat(received(asked(Initiator.KOL, true, true, true, false), now, now).unsolicitedAttestedAt())
                    .isNotNull();
            assertThat(received(asked(Initiator.KOL, false, true, null, false), now, now).unsolicitedAttestedAt())
                    .isNull();
            assertThat(received(asked(Initiator.KOL, false, true, false, false), now, now).unsolicitedAttestedAt())
                    .isNull();
        }

        @Test
        void shouldDefaultToStandardPriority() {
            assertThat(onLabel().priority()).isEqualTo(MedicalRequest.Priority.STANDARD);
        }

        @Test
        void shouldBaseASafetyMentionOnTheLegalObligationEvenWhenTheKolAskedUnprompted() {
            assertThat(MedicalRequest.basisOf(asked(Initiator.KOL, false, true, null, true), LegalBasis.CONSENT))
                    .isEqualTo(LegalBasis.LEGAL_OBLIGATION);
        }

        @Test
        void shouldBaseAQuestionTheKolAskedUnpromptedOnTheKolsRequest() {
            assertThat(MedicalRequest.basisOf(asked(Initiator.KOL, false, true, null, false), LegalBasis.CONSENT))
                    .isEqualTo(LegalBasis.KOL_REQUEST);
        }

        @Test
        void shouldBaseASolicitedQuestionOnTheKolsOwnBasis() {
            assertThat(MedicalRequest.basisOf(asked(Initiator.KOL, false, false, null, false), LegalBasis.CONSENT))
                    .isEqualTo(LegalBasis.CONSENT);
            assertThat(MedicalRequest.basisOf(asked(Initiator.MSL, false, false, null, false),
                    LegalBasis.LEGITIMATE_INTEREST)).isEqualTo(LegalBasis.LEGITIMATE_INTEREST);
        }

        @Test
        void shouldTellWhoFiledOrOwnsIt() {
            MedicalRequest request = solicitedOffLabel();
            assertThat(request.filedBy("msl-ada")).isTrue();
            assertThat(request.filedBy("assistant-cy")).isTrue();
            assertThat(request.filedBy("manager-max")).isFalse();
        }
    }

    @Nested
    class Closing {

        @Test
        void shouldAnswerWithTextOrAnApprovedResource() {
            MedicalRequest request = onLabel();
            request.answer("See the SmPC, section 4.2", LETTER);
            assertThat(request.status()).isEqualTo(Status.ANSWERED);
            assertThat(request.answer()).isEqualTo("See the SmPC, section 4.2");
            assertThat(request.answerResourceId()).isEqualTo(LETTER);
            assertThat(request.closedAt()).isNotNull();
            assertThat(request.open()).isFalse();
            assertThat(request.version()).isEqualTo(2);
        }

        @Test
        void shouldForwardToMedicalInformation() {
            MedicalRequest request = onLabel();
            request.forward();
            assertThat(request.status()).isEqualTo(Status.FORWARDED_TO_MEDICAL_INFORMATION);
            assertThat(request.open()).isFalse();
            assertThat(request.closedAt()).isNotNull();
        }

        @Test
        void shouldWithdraw() {
            MedicalRequest request = onLabel();
            request.withdraw();
            assertThat(request.status()).isEqualTo(Status.WITHDRAWN);
            assertThat(request.open()).isFalse();
        }

        @Test
        void shouldReturnAClearedReviewToReceivedStillOpen() {
            MedicalRequest request = solicitedOffLabel();
            request.review(ReviewDecision.CLEARED, "Genuinely asked by the KOL", "manager-max");
            assertThat(request.status()).isEqualTo(Status.RECEIVED);
            assertThat(request.open()).isTrue();
            assertThat(request.closedAt()).isNull();
            assertThat(request.reviewDecision()).isEqualTo(ReviewDecision.CLEARED);
            assertThat(request.reviewNote()).isEqualTo("Genuinely asked by the KOL");
            assertThat(request.reviewedBy()).isEqualTo("manager-max");
            assertThat(request.version()).isEqualTo(2);
        }

        @Test
        void shouldCloseAReviewThatForwardsOrWithdraws() {
            MedicalRequest forwarded = solicitedOffLabel();
            forwarded.review(ReviewDecision.FORWARDED, null, "manager-max");
            assertThat(forwarded.status()).isEqualTo(Status.FORWARDED_TO_MEDICAL_INFORMATION);
            assertThat(forwarded.closedAt()).isNotNull();
            assertThat(forwarded.reviewedBy()).isEqualTo("manager-max");

            MedicalRequest withdrawn = solicitedOffLabel();
            withdrawn.review(ReviewDecision.WITHDRAWN, "Promotional", "manager-max");
            assertThat(withdrawn.status()).isEqualTo(Status.WITHDRAWN);
            assertThat(withdrawn.open()).isFalse();
        }
    }

    @Nested
    class Sla {

        private final Instant received = Instant.parse("2026-03-02T09:00:00Z");
        private final Instant due = received.plus(Duration.ofHours(24));

        @Test
        void shouldBeOverdueOnlyAfterTheDueTimeWhileOpen() {
            MedicalRequest request = received(asked(Initiator.KOL, false, false, null, false), received, due);
            assertThat(request.overdue(due.minusSeconds(1))).isFalse();
            assertThat(request.overdue(due)).isFalse();
            assertThat(request.overdue(due.plusSeconds(1))).isTrue();
            MedicalRequest review = received(asked(Initiator.MSL, true, false, null, false), received, due);
            assertThat(review.overdue(due.plusSeconds(1))).isTrue();
        }

        @Test
        void shouldNeverBeOverdueOnceClosed() {
            MedicalRequest request = received(asked(Initiator.KOL, false, false, null, false), received, due);
            request.forward();
            assertThat(request.overdue(due.plus(Duration.ofDays(30)))).isFalse();
        }

        @Test
        void shouldJudgeTimelinessOnlyOfAnAnswerOrAForward() {
            MedicalRequest open = onLabel();
            assertThat(open.onTime()).isNull();

            MedicalRequest inTime = onLabel();
            inTime.answer("Yes", null);
            assertThat(inTime.onTime()).isTrue();

            MedicalRequest late = received(asked(Initiator.KOL, false, false, null, false), received, due);
            late.forward();
            assertThat(late.onTime()).isFalse();

            MedicalRequest withdrawn = received(asked(Initiator.KOL, false, false, null, false), received, due);
            withdrawn.withdraw();
            assertThat(withdrawn.onTime()).isNull();
        }
    }

    @Nested
    class Erasure {

        @Test
        void shouldEraseQuestionAnswerAndNoteOfAnOrdinaryRequest() {
            MedicalRequest request = solicitedOffLabel();
            request.review(ReviewDecision.CLEARED, "Asked unprompted", "manager-max");
            request.answer("See the letter", LETTER);
            request.eraseKol(UUID.randomUUID());
            assertThat(request.question()).isEqualTo(Interaction.ERASED);
            assertThat(request.answer()).isEqualTo(Interaction.ERASED);
            assertThat(request.reviewNote()).isEqualTo(Interaction.ERASED);
            assertThat(request.kolId()).isEqualTo(Examples.KOL);
        }

        @Test
        void shouldLeaveAbsentTextAbsent() {
            MedicalRequest request = onLabel();
            request.eraseKol(UUID.randomUUID());
            assertThat(request.answer()).isNull();
            assertThat(request.reviewNote()).isNull();
        }

        @Test
        void shouldKeepASafetyMentionAndReplaceTheKolByItsPseudonym() {
            Instant now = Instant.now();
            MedicalRequest request = received(asked(Initiator.KOL, false, true, null, true), now, now);
            UUID pseudonym = UUID.randomUUID();
            request.eraseKol(pseudonym);
            assertThat(request.question()).isEqualTo("Does it work in children?");
            assertThat(request.kolId()).isEqualTo(pseudonym);
        }
    }

    /**
     * The declarations {@link MedicalRequestService#receive} checks before it reads anything: refused without any
     * collaborator (none is given, so a check that moved behind a lookup would fail here with an exception).
     */
    @Nested
    class Declarations {

        private final MedicalRequestService service = new MedicalRequestService(null, null, null, null, null, null,
                null, null, null, null, null, null, null);

        @Test
        void shouldRefuseARequestTheMslInitiatedMarkedUnsolicited() {
            var problem = refused(() -> service.receive(asked(Initiator.MSL, false, true, true, false)), Kind.INVALID,
                    "validation");
            assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("unsolicited"));
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.NullSource
        @org.junit.jupiter.params.provider.ValueSource(booleans = false)
        void shouldRefuseAnUnsolicitedOffLabelRequestWithoutTheMslsAttestation(Boolean attested) {
            refused(() -> service.receive(asked(Initiator.KOL, true, true, attested, false)), Kind.RULE,
                    "attestation-required");
        }

        @Test
        void shouldRefuseARequestReceivedInTheFuture() {
            RequestDocument tomorrow = new RequestDocument(Examples.KOL, null, null, "Dosing?", Initiator.KOL, null,
                    null, false, false, null, null, MedicalRequest.ResponseChannel.PHONE,
                    Instant.now().plus(Duration.ofHours(1)), false, null);
            var problem = refused(() -> service.receive(tomorrow), Kind.INVALID, "validation");
            assertThat(problem.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("receivedAt"));
        }
    }
}
