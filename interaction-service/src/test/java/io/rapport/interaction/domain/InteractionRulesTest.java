package io.rapport.interaction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.DomainException.Kind;
import io.rapport.platform.domain.FieldError;

import static io.rapport.interaction.domain.Examples.activeKol;
import static io.rapport.interaction.domain.Examples.completion;
import static io.rapport.interaction.domain.Examples.contactable;
import static io.rapport.interaction.domain.Examples.kol;
import static io.rapport.interaction.domain.Examples.meal;
import static io.rapport.interaction.domain.Examples.members;
import static io.rapport.interaction.domain.Examples.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The pure rules of {@link InteractionRules}: who may be contacted, what completing needs, the quarter. */
@Tag("unit")
class InteractionRulesTest {

    @Nested
    class Contactability {

        @Test
        void shouldAcceptAnActiveContactableKolOnEveryChannel() {
            for (Channel channel : Channel.values()) {
                assertThatCode(() -> InteractionRules.requireContactable(activeKol(), channel)).doesNotThrowAnyException();
            }
            assertThatCode(() -> InteractionRules.requireContactable(activeKol(), null)).doesNotThrowAnyException();
        }

        @Test
        void shouldAcceptAnActiveKolWhoseRightsStateIsNotKnown() {
            assertThatCode(() -> InteractionRules.requireContactable(kol("ACTIVE", null), Channel.EMAIL))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldRefuseAnErasedKolEvenWhenItAlsoObjected() {
            Replicated.Kol erased = kol("ERASED",
                    new Replicated.Contactability(false, "erased", false, false, "CONSENT", Map.of(),
                            Instant.parse("2026-01-01T00:00:00Z"), true));
            refused(() -> InteractionRules.requireContactable(erased, Channel.VIDEO), Kind.RULE, "kol-erased");
            refused(() -> InteractionRules.requireContactable(kol("ERASED", null), null), Kind.RULE, "kol-erased");
        }

        @Test
        void shouldRefuseAKolWhoObjectedBeforeLookingAtDoNotContact() {
            Replicated.Kol objected = kol("ACTIVE",
                    new Replicated.Contactability(false, "do-not-contact", true, true, "LEGITIMATE_INTEREST",
                            Map.of(), Instant.parse("2026-02-01T08:00:00Z"), true));
            DomainException problem = refused(() -> InteractionRules.requireContactable(objected, null), Kind.RULE,
                    "kol-objected");
            assertThat(problem.getMessage()).contains("2026-02-01T08:00:00Z");
        }

        @Test
        void shouldRefuseAKolWhoAskedNotToBeContactedByFlagOrByReason() {
            Replicated.Kol flagged = kol("ACTIVE",
                    new Replicated.Contactability(true, null, true, true, "LEGITIMATE_INTEREST", Map.of(), null,
                            true));
            Replicated.Kol byReason = kol("ACTIVE",
                    new Replicated.Contactability(false, "do-not-contact", true, true, "LEGITIMATE_INTEREST",
                            Map.of(), null, null));
            refused(() -> InteractionRules.requireContactable(flagged, Channel.IN_PERSON), Kind.RULE, "do-not-contact");
            refused(() -> InteractionRules.requireContactable(byReason, Channel.IN_PERSON), Kind.RULE, "do-not-contact");
        }

        @Test
        void shouldAcceptAKolWhoseDoNotContactFlagIsExplicitlyFalse() {
            Replicated.Kol kol = kol("ACTIVE",
                    new Replicated.Contactability(true, null, true, true, "LEGITIMATE_INTEREST", Map.of(), null,
                            false));
            assertThatCode(() -> InteractionRules.requireContactable(kol, Channel.VIDEO)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @CsvSource({ "INACTIVE", "DECEASED", "MERGED" })
        void shouldRefuseAKolThatIsNotActive(String status) {
            DomainException problem = refused(() -> InteractionRules.requireContactable(kol(status, contactable()),
                    Channel.VIDEO), Kind.RULE, "kol-not-active");
            assertThat(problem.getMessage()).contains(status);
        }

        @Test
        void shouldNameAWithdrawnConsentWhenTheKolIsNotContactableOnConsent() {
            Replicated.Kol onConsent = kol("ACTIVE",
                    new Replicated.Contactability(false, "no-consent", false, false, "CONSENT", Map.of(),
                            null, null));
            Replicated.Kol withdrawnOne = kol("ACTIVE", new Replicated.Contactability(false, "no-consent", false, false,
                    "LEGITIMATE_INTEREST", Map.of("EMAIL_CONTACT", "GRANTED", "PROFILING", "WITHDRAWN"), null, null));
            refused(() -> InteractionRules.requireContactable(onConsent, null), Kind.RULE, "consent-withdrawn");
            refused(() -> InteractionRules.requireContactable(withdrawnOne, null), Kind.RULE, "consent-withdrawn");
        }

        @Test
        void shouldNameKolServicesReasonWhenNotContactableOtherwise() {
            Replicated.Kol restricted = kol("ACTIVE", new Replicated.Contactability(false, "processing-restricted", true, true,
                    "LEGITIMATE_INTEREST", Map.of(), null, null));
            Replicated.Kol noReason = kol("ACTIVE",
                    new Replicated.Contactability(false, null, true, true, "LEGITIMATE_INTEREST", null, null,
                            null));
            refused(() -> InteractionRules.requireContactable(restricted, null), Kind.RULE, "processing-restricted");
            refused(() -> InteractionRules.requireContactable(noReason, null), Kind.RULE, "not-contactable");
        }

        @Test
        void shouldRefuseEmailWithoutEmailConsentNamingWhetherItWasWithdrawnOrNeverGiven() {
            Replicated.Kol withdrawn = kol("ACTIVE",
                    new Replicated.Contactability(true, null, false, true, "LEGITIMATE_INTEREST",
                            Map.of("EMAIL_CONTACT", "WITHDRAWN"), null, null));
            Replicated.Kol neverGiven = kol("ACTIVE",
                    new Replicated.Contactability(true, null, false, true, "LEGITIMATE_INTEREST", Map.of(),
                            null, null));
            DomainException problem = refused(() -> InteractionRules.requireContactable(withdrawn, Channel.EMAIL), Kind.RULE,
                    "consent-withdrawn");
            assertThat(members(problem)).containsEntry("purpose", "EMAIL_CONTACT");
            refused(() -> InteractionRules.requireContactable(neverGiven, Channel.EMAIL), Kind.RULE, "no-email-consent");
            // the phone is allowed, and the e-mail consent matters only for e-mail
            assertThatCode(() -> InteractionRules.requireContactable(neverGiven, Channel.PHONE)).doesNotThrowAnyException();
            assertThatCode(() -> InteractionRules.requireContactable(neverGiven, Channel.IN_PERSON))
                    .doesNotThrowAnyException();
            assertThatCode(() -> InteractionRules.requireContactable(neverGiven, null)).doesNotThrowAnyException();
        }

        @Test
        void shouldRefusePhoneWithoutPhoneConsentNamingWhetherItWasWithdrawnOrNeverGiven() {
            Replicated.Kol withdrawn = kol("ACTIVE",
                    new Replicated.Contactability(true, null, true, false, "LEGITIMATE_INTEREST",
                            Map.of("PHONE_CONTACT", "WITHDRAWN"), null, null));
            Replicated.Kol neverGiven = kol("ACTIVE",
                    new Replicated.Contactability(true, null, true, false, "LEGITIMATE_INTEREST", Map.of(),
                            null, null));
            DomainException problem = refused(() -> InteractionRules.requireContactable(withdrawn, Channel.PHONE), Kind.RULE,
                    "consent-withdrawn");
            assertThat(members(problem)).containsEntry("purpose", "PHONE_CONTACT");
            refused(() -> InteractionRules.requireContactable(neverGiven, Channel.PHONE), Kind.RULE, "no-phone-consent");
            assertThatCode(() -> InteractionRules.requireContactable(neverGiven, Channel.EMAIL)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Recordable {

        private final Replicated.Kol objected = kol("ACTIVE", new Replicated.Contactability(false, "objected", false, false,
                "LEGITIMATE_INTEREST", Map.of(), Instant.parse("2026-01-05T10:00:00Z"), null));
        private final Replicated.Kol erased = kol("ERASED", null);

        @ParameterizedTest
        @EnumSource(value = LegalBasis.class, names = { "LEGAL_OBLIGATION", "KOL_REQUEST" })
        void shouldKeepASafetyMentionOrTheKolsOwnQuestionWhateverTheRightsState(LegalBasis basis) {
            assertThatCode(() -> InteractionRules.requireRecordable(objected, Channel.EMAIL, basis))
                    .doesNotThrowAnyException();
            assertThatCode(() -> InteractionRules.requireRecordable(erased, null, basis)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = LegalBasis.class, names = { "LEGITIMATE_INTEREST", "CONSENT" })
        void shouldRefuseARecordOnTheKolsOwnBasisOnceThatBasisLapsed(LegalBasis basis) {
            refused(() -> InteractionRules.requireRecordable(objected, Channel.VIDEO, basis), Kind.RULE, "kol-objected");
            refused(() -> InteractionRules.requireRecordable(erased, null, basis), Kind.RULE, "kol-erased");
            assertThatCode(() -> InteractionRules.requireRecordable(activeKol(), Channel.VIDEO, basis))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class Completing {

        private static List<String> fields(DomainException problem) {
            return problem.errors().stream().map(FieldError::field).toList();
        }

        @Test
        void shouldAcceptACompleteRecordWithBothSafetyAnswersNo() {
            assertThatCode(() -> InteractionRules.requireCompletable(completion(), InteractionKind.ONE_TO_ONE))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldListEverythingAnEmptyCompletionLacks() {
            Completion empty = new Completion(null, null, null, null, null, null, null, null, null, null);
            DomainException problem = refused(() -> InteractionRules.requireCompletable(empty, InteractionKind.GROUP),
                    Kind.RULE, "completion-incomplete");
            assertThat(fields(problem)).containsExactly("disclosureMade", "outcome", "occurredAt", "durationMinutes",
                    "adverseEventMentioned", "productComplaintMentioned");
        }

        @Test
        void shouldRefuseCompletingWithoutRoleAndCompanyDisclosed() {
            Completion undisclosed = new Completion(Examples.MONDAY_NOON, 30, "Discussed", false, null, false, false,
                    null, null, null);
            DomainException problem = refused(() -> InteractionRules.requireCompletable(undisclosed,
                    InteractionKind.ONE_TO_ONE), Kind.RULE, "completion-incomplete");
            assertThat(fields(problem)).containsExactly("disclosureMade");
        }

        @Test
        void shouldRefuseABlankOutcome() {
            Completion blank = new Completion(Examples.MONDAY_NOON, 30, "   ", true, null, false, false, null, null,
                    null);
            assertThat(fields(refused(() -> InteractionRules.requireCompletable(blank, InteractionKind.ONE_TO_ONE), Kind.RULE,
                    "completion-incomplete"))).containsExactly("outcome");
        }

        @Test
        void shouldRefuseAnUnansweredSafetyQuestion() {
            Completion unanswered = new Completion(Examples.MONDAY_NOON, 30, "Discussed", true, null, false, null, null,
                    null, null);
            assertThat(fields(refused(() -> InteractionRules.requireCompletable(unanswered, InteractionKind.ONE_TO_ONE),
                    Kind.RULE, "completion-incomplete"))).containsExactly("productComplaintMentioned");
        }

        @Test
        void shouldRefuseCompletingAnInteractionBeforeItHappened() {
            Completion tomorrow = new Completion(Instant.now().plus(Duration.ofHours(1)), 30, "Discussed", true, null,
                    false, false, null, null, null);
            DomainException problem = refused(() -> InteractionRules.requireCompletable(tomorrow,
                    InteractionKind.ONE_TO_ONE), Kind.RULE, "completion-incomplete");
            assertThat(problem.errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("occurredAt");
                assertThat(e.message()).contains("before it happened");
            });
        }

        @Test
        void shouldTolerateAFewMinutesOfClockSkew() {
            Completion justAhead = new Completion(Instant.now().plus(Duration.ofMinutes(2)), 30, "Discussed", true,
                    null, false, false, null, null, null);
            assertThatCode(() -> InteractionRules.requireCompletable(justAhead, InteractionKind.ONE_TO_ONE))
                    .doesNotThrowAnyException();
        }

        @Test
        void shouldRefuseAnAdvisoryBoardTransferOfValueWithoutContractReference() {
            refused(() -> InteractionRules.requireCompletable(completion(false, false, null,
                    List.of(meal("ADV-2026-7"), meal(null))), InteractionKind.ADVISORY_BOARD), Kind.RULE,
                    "contract-reference-required");
            refused(() -> InteractionRules.requireCompletable(completion(false, false, null, List.of(meal(" "))),
                    InteractionKind.ADVISORY_BOARD), Kind.RULE, "contract-reference-required");
        }

        @Test
        void shouldAcceptAdvisoryBoardTransfersThatNameTheirContract() {
            assertThatCode(() -> InteractionRules.requireCompletable(completion(false, false, null,
                    List.of(meal("ADV-2026-7"))), InteractionKind.ADVISORY_BOARD)).doesNotThrowAnyException();
            assertThatCode(() -> InteractionRules.requireCompletable(completion(), InteractionKind.ADVISORY_BOARD))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = InteractionKind.class, names = "ADVISORY_BOARD", mode = EnumSource.Mode.EXCLUDE)
        void shouldNotAskOtherMeetingsForAContractReference(InteractionKind kind) {
            assertThatCode(() -> InteractionRules.requireCompletable(completion(false, false, null, List.of(meal(null))),
                    kind)).doesNotThrowAnyException();
        }

        @Test
        void shouldReportMissingFieldsBeforeAMissingContractReference() {
            Completion both = new Completion(Examples.MONDAY_NOON, 60, null, true, null, false, false, null,
                    List.of(meal(null)), null);
            refused(() -> InteractionRules.requireCompletable(both, InteractionKind.ADVISORY_BOARD), Kind.RULE,
                    "completion-incomplete");
        }
    }

    @Nested
    class Quarters {

        @ParameterizedTest
        @CsvSource({ "2026-01-01, 2026-Q1", "2026-03-31, 2026-Q1", "2026-04-01, 2026-Q2", "2026-06-30, 2026-Q2",
                "2026-07-01, 2026-Q3", "2026-09-30, 2026-Q3", "2026-10-01, 2026-Q4", "2026-12-31, 2026-Q4",
                "2027-01-01, 2027-Q1", "2028-02-29, 2028-Q1" })
        void shouldNameTheCalendarQuarterOfADate(LocalDate date, String quarter) {
            assertThat(InteractionRules.quarterOf(date)).isEqualTo(quarter);
        }
    }
}
