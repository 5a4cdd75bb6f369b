package io.rapport.insight.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.rapport.platform.api.ProblemException;
import io.rapport.platform.api.Versions;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.DomainException.Kind;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

import static io.rapport.insight.domain.StandIns.ANA;
import static io.rapport.insight.domain.StandIns.BEN;
import static io.rapport.insight.domain.StandIns.CY;
import static io.rapport.insight.domain.StandIns.MAX;
import static io.rapport.insight.domain.StandIns.MIA;
import static io.rapport.insight.domain.StandIns.MO;
import static io.rapport.insight.domain.StandIns.draftBy;
import static io.rapport.insight.domain.StandIns.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An insight's life through {@link InsightService}: DRAFT, SUBMITTED, then VALIDATED and ACTIONED, or REJECTED
 * and reworked into a DRAFT; who may take each step. The services run on plain stand-ins ({@link StandIns}).
 */
@Tag("unit")
class InsightLifecycleTest {

    /** The five steps, each by who may take it: the author submits and reworks, a manager of the team curates. */
    enum Step {
        SUBMIT("submit", InsightStatus.SUBMITTED),
        VALIDATE("validate", InsightStatus.VALIDATED),
        REJECT("reject", InsightStatus.REJECTED),
        ACTION("action", InsightStatus.ACTIONED),
        REWORK("rework", InsightStatus.DRAFT);

        final String action;
        final InsightStatus leadsTo;

        Step(String action, InsightStatus leadsTo) {
            this.action = action;
            this.leadsTo = leadsTo;
        }

        Insight take(StandIns world, Insight insight) {
            ExpectedVersion etag = new ExpectedVersion(insight.version());
            InsightService author = world.insightService(Caller.of(ANA, Roles.MSL));
            InsightService manager = world.insightService(Caller.of(MIA, Roles.MEDICAL_MANAGER));
            Uni<Insight> taken = switch (this) {
                case SUBMIT -> author.submit(insight.id(), etag);
                case VALIDATE -> manager.validate(insight.id(), etag);
                case REJECT -> manager.reject(insight.id(), etag, "Anecdotal: one centre");
                case ACTION -> manager.action(insight.id(), etag, "Raised with market access");
                case REWORK -> author.rework(insight.id(), etag);
            };
            return taken.await().indefinitely();
        }
    }

    /** How to bring one of ana's insights into each status, the way users do. */
    private static final Map<InsightStatus, Consumer<Insight>> REACH = new EnumMap<>(Map.of(
            InsightStatus.DRAFT, i -> {
            },
            InsightStatus.SUBMITTED, Insight::submit,
            InsightStatus.VALIDATED, i -> {
                i.submit();
                i.validate(MIA);
            },
            InsightStatus.ACTIONED, i -> {
                i.submit();
                i.validate(MIA);
                i.action("Raised with market access", MIA);
            },
            InsightStatus.REJECTED, i -> {
                i.submit();
                i.reject("Anecdotal", MIA);
            }));

    private final StandIns world = new StandIns();

    private Insight anasInsight(InsightStatus status) {
        Insight insight = draftBy(ANA, false, null);
        REACH.get(status).accept(insight);
        return world.stored(insight);
    }

    @Test
    void shouldStartAsADraftOfItsAuthorThatOnlyTheAuthorSees() {
        Insight insight = draftBy(ANA, false, null);

        assertThat(insight.status()).isEqualTo(InsightStatus.DRAFT);
        assertThat(insight.version()).isEqualTo(1);
        assertThat(new InsightAccess.Scope(ANA, false, java.util.Set.of("onc"), false).sees(insight)).isTrue();
        assertThat(new InsightAccess.Scope(BEN, false, java.util.Set.of("onc"), false).sees(insight)).isFalse();
    }

    @Test
    void shouldTakeAnInsightFromDraftThroughValidationToAction() {
        Insight insight = anasInsight(InsightStatus.DRAFT);

        Step.SUBMIT.take(world, insight);
        assertThat(insight.status()).isEqualTo(InsightStatus.SUBMITTED);
        assertThat(insight.submittedAt()).isNotNull();
        Step.VALIDATE.take(world, insight);
        assertThat(insight.status()).isEqualTo(InsightStatus.VALIDATED);
        assertThat(insight.curatedBy()).isEqualTo(MIA);
        Step.ACTION.take(world, insight);

        assertThat(insight.status()).isEqualTo(InsightStatus.ACTIONED);
        assertThat(insight.actionTaken()).isEqualTo("Raised with market access");
        assertThat(insight.actionedAt()).isNotNull();
        assertThat(insight.version()).isEqualTo(4);
        assertThat(world.published).containsExactly("insight SUBMITTED", "insight VALIDATED", "insight ACTIONED");
        assertThat(world.audited).containsExactly(ANA, MIA, MIA);
    }

    @Test
    void shouldSendARejectedInsightBackToItsAuthorAndForgetTheReasonWhenResubmitted() {
        Insight insight = anasInsight(InsightStatus.SUBMITTED);

        Step.REJECT.take(world, insight);
        assertThat(insight.status()).isEqualTo(InsightStatus.REJECTED);
        assertThat(insight.rejectionReason()).isEqualTo("Anecdotal: one centre");
        Step.REWORK.take(world, insight);
        assertThat(insight.status()).isEqualTo(InsightStatus.DRAFT);
        Step.SUBMIT.take(world, insight);

        assertThat(insight.status()).isEqualTo(InsightStatus.SUBMITTED);
        assertThat(insight.rejectionReason()).isNull();
        assertThat(world.published).containsExactly("insight REJECTED", "insight REWORKED", "insight SUBMITTED");
    }

    /**
     * Every step from every status: allowed exactly when the status lists it, refused 409 otherwise (a curator
     * does not see a draft at all: 404).
     */
    @ParameterizedTest
    @EnumSource(InsightStatus.class)
    void shouldAllowFromEachStatusExactlyTheStepsItAdvertises(InsightStatus from) {
        for (Step step : Step.values()) {
            Insight insight = anasInsight(from);
            if (from.actions().contains(step.action)) {
                assertThat(step.take(world, insight).status()).as("%s from %s", step, from).isEqualTo(step.leadsTo);
            } else if (from == InsightStatus.DRAFT && step != Step.REWORK) {
                assertThat(refused(() -> step.take(world, insight)).kind()).as("%s from DRAFT", step).isEqualTo(Kind.NOT_FOUND);
                assertThat(insight.status()).isEqualTo(from);
            } else {
                DomainException refusal = refused(() -> step.take(world, insight));
                assertThat(refusal.kind()).as("%s from %s", step, from).isEqualTo(Kind.CONFLICT);
                assertThat(refusal.slug()).isEqualTo("invalid-transition");
                assertThat(refusal.getMessage()).contains("is " + from, "allowed: " + from.actions());
                assertThat(insight.status()).isEqualTo(from);
            }
        }
    }

    @Test
    void shouldAdvertiseTheLifecycleOfTheDomain() {
        assertThat(InsightStatus.DRAFT.actions()).containsExactly("submit");
        assertThat(InsightStatus.SUBMITTED.actions()).containsExactly("validate", "reject");
        assertThat(InsightStatus.VALIDATED.actions()).containsExactly("action");
        assertThat(InsightStatus.REJECTED.actions()).containsExactly("rework");
        assertThat(InsightStatus.ACTIONED.actions()).isEmpty();
    }

    @Test
    void shouldRefuseEditingAnInsightOnceSubmitted() {
        Insight insight = anasInsight(InsightStatus.SUBMITTED);

        DomainException refusal = refused(() -> world.insightService(Caller.of(ANA, Roles.MSL))
                .patch(insight.id(), new ExpectedVersion(insight.version()), null).await().indefinitely());

        assertThat(refusal.slug()).isEqualTo("invalid-transition");
        assertThat(refusal.getMessage()).contains("cannot be edited");
    }

    @Test
    void shouldLetOnlyTheAuthorSubmitAndRework() {
        Insight draft = anasInsight(InsightStatus.DRAFT);
        Insight rejected = anasInsight(InsightStatus.REJECTED);
        InsightService colleague = world.insightService(Caller.of(BEN, Roles.MSL));
        InsightService manager = world.insightService(Caller.of(MIA, Roles.MEDICAL_MANAGER));

        // a colleague does not even see ana's draft; a manager sees the rejected insight but is not its author
        assertThat(refused(() -> colleague.submit(draft.id(), new ExpectedVersion(1)).await().indefinitely()).kind())
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(refused(() -> manager.rework(rejected.id(), new ExpectedVersion(rejected.version())).await().indefinitely())
                .kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(
                refused(() -> colleague.rework(rejected.id(), new ExpectedVersion(rejected.version())).await().indefinitely())
                        .kind())
                .isEqualTo(Kind.FORBIDDEN);
        assertThat(draft.status()).isEqualTo(InsightStatus.DRAFT);
        assertThat(rejected.status()).isEqualTo(InsightStatus.REJECTED);
    }

    @Test
    void shouldLetOnlyAMedicalManagerOfTheAuthorsTeamCurate() {
        Insight insight = anasInsight(InsightStatus.SUBMITTED);
        ExpectedVersion etag = new ExpectedVersion(insight.version());

        DomainException byMsl = refused(() -> world.insightService(Caller.of(BEN, Roles.MSL))
                .validate(insight.id(), etag).await().indefinitely());
        DomainException byOtherTeamsManager = refused(() -> world.insightService(Caller.of(MAX, Roles.MEDICAL_MANAGER))
                .validate(insight.id(), etag).await().indefinitely());

        assertThat(byMsl.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(byMsl.getMessage()).contains("Only a medical manager curates");
        // another team's manager does not see the insight at all
        assertThat(byOtherTeamsManager.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(insight.status()).isEqualTo(InsightStatus.SUBMITTED);
    }

    @Test
    void shouldRefuseAManagerCuratingTheirOwnInsight() {
        // mo is a manager of team onc and wrote an insight himself: another manager curates it
        Insight own = Insight.draft(StandIns.document(false), MO, "onc", "Europe/Berlin", null);
        own.submit();
        world.stored(own);
        ExpectedVersion etag = new ExpectedVersion(own.version());

        for (Runnable curation : List.<Runnable> of(
                () -> world.insightService(Caller.of(MO, Roles.MEDICAL_MANAGER)).validate(own.id(), etag).await()
                        .indefinitely(),
                () -> world.insightService(Caller.of(MO, Roles.MEDICAL_MANAGER)).reject(own.id(), etag, "no").await()
                        .indefinitely())) {
            DomainException refusal = refused(curation);
            assertThat(refusal.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(refusal.slug()).isEqualTo(InsightAccess.SELF_APPROVAL);
        }
        assertThat(world.insightService(Caller.of(MIA, Roles.MEDICAL_MANAGER)).validate(own.id(), etag).await()
                .indefinitely().status()).isEqualTo(InsightStatus.VALIDATED);
    }

    @Test
    void shouldRefuseAStepAtAVersionTheClientDidNotRead() {
        Insight insight = anasInsight(InsightStatus.DRAFT);
        InsightService author = world.insightService(Caller.of(ANA, Roles.MSL));

        assertThat(refused(() -> author.submit(insight.id(), new ExpectedVersion(insight.version() + 1)).await()
                .indefinitely()).slug()).isEqualTo("version-mismatch");
        // without If-Match the edge refuses (428) before the domain is called
        assertThat(refused(() -> author.submit(insight.id(), Versions.expected(null)).await().indefinitely()))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> assertThat(refusal.status()).isEqualTo(428));
        assertThat(insight.status()).isEqualTo(InsightStatus.DRAFT);
    }

    @Test
    void shouldShowTeammatesEveryInsightOfTheTeamButTheAuthorsDrafts() {
        InsightAccess.Scope teammate = new InsightAccess.Scope(BEN, false, java.util.Set.of("onc"), false);
        InsightAccess.Scope otherTeam = new InsightAccess.Scope(CY, false, java.util.Set.of("cardio"), false);
        InsightAccess.Scope admin = new InsightAccess.Scope("root", true, java.util.Set.of(), true);
        InsightAccess.Scope reporting = new InsightAccess.Scope("bi", true, java.util.Set.of(), false);

        for (InsightStatus status : InsightStatus.values()) {
            Insight insight = anasInsight(status);
            assertThat(teammate.sees(insight)).as("teammate, %s", status).isEqualTo(status != InsightStatus.DRAFT);
            assertThat(otherTeam.sees(insight)).as("other team, %s", status).isFalse();
            assertThat(admin.sees(insight)).as("admin, %s", status).isTrue();
            assertThat(reporting.sees(insight)).as("reporting, %s", status).isEqualTo(status != InsightStatus.DRAFT);
        }
        // only what reached medical strategy's table counts and may be endorsed: not a draft, not a rejection
        assertThat(java.util.Arrays.stream(InsightStatus.values()).filter(InsightStatus::shared))
                .containsExactly(InsightStatus.SUBMITTED, InsightStatus.VALIDATED, InsightStatus.ACTIONED);
    }

    @Test
    void shouldCountEachColleaguesEndorsementOnceAndOnlyOfSharedInsights() {
        Insight submitted = anasInsight(InsightStatus.SUBMITTED);
        InsightService ben = world.insightService(Caller.of(BEN, Roles.MSL));

        assertThat(ben.endorse(submitted.id()).await().indefinitely().endorsements()).isEqualTo(1);
        assertThat(refused(() -> ben.endorse(submitted.id()).await().indefinitely()).slug()).isEqualTo("already-endorsed");
        assertThat(refused(() -> world.insightService(Caller.of(ANA, Roles.MSL)).endorse(submitted.id()).await()
                .indefinitely()).slug()).isEqualTo("own-insight");
        Insight rejected = anasInsight(InsightStatus.REJECTED);
        DomainException notShared = refused(() -> world.insightService(Caller.of(MIA, Roles.MEDICAL_MANAGER))
                .endorse(rejected.id()).await().indefinitely());

        assertThat(notShared.slug()).isEqualTo("invalid-transition");
        assertThat(submitted.endorsements()).isEqualTo(1);
        assertThat(rejected.endorsements()).isZero();
    }

    @Test
    void shouldRecordTheSafetyReportOfAnAdverseEventOnceByTheAuthorOrACurator() {
        Insight adverse = world.stored(draftBy(ANA, true, LocalDate.now().plusDays(1)));
        Insight plain = anasInsight(InsightStatus.DRAFT);
        InsightService author = world.insightService(Caller.of(ANA, Roles.MSL));
        InsightService colleague = world.insightService(Caller.of(BEN, Roles.MSL));
        adverse.submit();

        assertThat(refused(() -> author.safetyReported(plain.id(), new ExpectedVersion(plain.version()), "DS-1").await()
                .indefinitely()).slug()).isEqualTo("no-adverse-event");
        assertThat(refused(() -> colleague.safetyReported(adverse.id(), new ExpectedVersion(adverse.version()), "DS-1")
                .await().indefinitely()).kind()).isEqualTo(Kind.FORBIDDEN);
        world.insightService(Caller.of(MIA, Roles.MEDICAL_MANAGER))
                .safetyReported(adverse.id(), new ExpectedVersion(adverse.version()), "DS-1").await().indefinitely();
        DomainException again = refused(() -> author.safetyReported(adverse.id(), new ExpectedVersion(adverse.version()),
                "DS-2").await().indefinitely());

        assertThat(adverse.safetyReportId()).isEqualTo("DS-1");
        assertThat(again.slug()).isEqualTo("already-reported");
        assertThat(world.published).containsExactly("safety reported");
    }
}
