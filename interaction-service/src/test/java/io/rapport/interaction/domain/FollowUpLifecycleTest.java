package io.rapport.interaction.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link FollowUp}: OPEN, then DONE or DROPPED; due on a local date in its own time zone. */
@Tag("unit")
class FollowUpLifecycleTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    private static FollowUp open(FollowUp.Kind kind, LocalDate due, String zone, LegalBasis kolBasis) {
        return FollowUp.open(kind, new FollowUp.Origin(Examples.KOL, UUID.randomUUID(), null),
                new FollowUp.Promise("Send the poster", due, zone, "msl-ada", "team-onc"), kolBasis);
    }

    private static FollowUp general(LocalDate due, String zone) {
        return open(FollowUp.Kind.GENERAL, due, zone, LegalBasis.LEGITIMATE_INTEREST);
    }

    @Test
    void shouldOpenAtVersionOne() {
        FollowUp followUp = general(DUE, "Europe/Berlin");
        assertThat(followUp.status()).isEqualTo(FollowUp.Status.OPEN);
        assertThat(followUp.version()).isEqualTo(1);
        assertThat(followUp.completedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(LegalBasis.class)
    void shouldOweDrugSafetyUnderALegalObligationWhateverTheKolsBasis(LegalBasis kolBasis) {
        assertThat(open(FollowUp.Kind.SAFETY_REPORT, DUE, "Europe/Berlin", kolBasis).legalBasis())
                .isEqualTo(LegalBasis.LEGAL_OBLIGATION);
    }

    @Test
    void shouldRestAPromiseToTheKolOnTheKolsOwnBasis() {
        assertThat(open(FollowUp.Kind.GENERAL, DUE, "Europe/Berlin", LegalBasis.CONSENT).legalBasis())
                .isEqualTo(LegalBasis.CONSENT);
    }

    @Test
    void shouldChangeWhatWhenAndWhoWhileStayingOpen() {
        FollowUp followUp = general(DUE, "Europe/Berlin");
        followUp.change("Send the poster and the slides", DUE.plusDays(3), "msl-bea", "team-cv", FollowUp.Status.OPEN);
        assertThat(followUp.description()).isEqualTo("Send the poster and the slides");
        assertThat(followUp.dueDate()).isEqualTo(DUE.plusDays(3));
        assertThat(followUp.assignee()).isEqualTo("msl-bea");
        assertThat(followUp.team()).isEqualTo("team-cv");
        assertThat(followUp.status()).isEqualTo(FollowUp.Status.OPEN);
        assertThat(followUp.completedAt()).isNull();
        assertThat(followUp.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = FollowUp.Status.class, names = { "DONE", "DROPPED" })
    void shouldCloseAsDoneOrDroppedWithTheTimeItClosed(FollowUp.Status closed) {
        FollowUp followUp = general(DUE, "Europe/Berlin");
        followUp.change(followUp.description(), followUp.dueDate(), followUp.assignee(), followUp.team(), closed);
        assertThat(followUp.status()).isEqualTo(closed);
        assertThat(followUp.completedAt()).isNotNull();
        assertThat(followUp.version()).isEqualTo(2);
    }

    @Test
    void shouldBeOverdueOnlyOnceTheDueDateHasPassedInItsOwnTimeZone() {
        FollowUp berlin = general(DUE, "Europe/Berlin");
        // 22:30 UTC on the due date is 23:30 in Berlin: still the due date
        assertThat(berlin.overdue(Instant.parse("2026-03-10T22:30:00Z"))).isFalse();
        // 23:30 UTC is already the next day in Berlin
        assertThat(berlin.overdue(Instant.parse("2026-03-10T23:30:00Z"))).isTrue();
        // while in Los Angeles it is still the afternoon of the due date
        assertThat(general(DUE, "America/Los_Angeles").overdue(Instant.parse("2026-03-10T23:30:00Z"))).isFalse();
    }

    @Test
    void shouldNeverBeOverdueOnceClosed() {
        FollowUp done = general(DUE, "Europe/Berlin");
        done.change(done.description(), done.dueDate(), done.assignee(), done.team(), FollowUp.Status.DONE);
        assertThat(done.overdue(Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void shouldCountAFollowUpDoneOnOrBeforeItsDueDateAsOnTime() {
        String zone = "Pacific/Auckland";
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        FollowUp early = general(today.plusDays(1), zone);
        early.change(early.description(), early.dueDate(), early.assignee(), early.team(), FollowUp.Status.DONE);
        FollowUp late = general(today.minusDays(1), zone);
        late.change(late.description(), late.dueDate(), late.assignee(), late.team(), FollowUp.Status.DONE);
        FollowUp dropped = general(today.plusDays(1), zone);
        dropped.change(dropped.description(), dropped.dueDate(), dropped.assignee(), dropped.team(),
                FollowUp.Status.DROPPED);
        assertThat(early.doneOnTime()).isTrue();
        assertThat(late.doneOnTime()).isFalse();
        assertThat(dropped.doneOnTime()).isFalse();
        assertThat(general(today.plusDays(1), zone).doneOnTime()).isFalse();
    }

    @Test
    void shouldEraseAPromisesDescriptionButKeepWhatDrugSafetyIsOwed() {
        UUID pseudonym = UUID.randomUUID();
        FollowUp promise = general(DUE, "Europe/Berlin");
        FollowUp safety = open(FollowUp.Kind.SAFETY_REPORT, DUE, "Europe/Berlin", LegalBasis.LEGITIMATE_INTEREST);
        promise.eraseKol(pseudonym);
        safety.eraseKol(pseudonym);
        assertThat(promise.description()).isEqualTo(Interaction.ERASED);
        assertThat(promise.kolId()).isEqualTo(Examples.KOL);
        assertThat(safety.description()).isEqualTo("Send the poster");
        assertThat(safety.kolId()).isEqualTo(pseudonym);
    }
}
