package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.metrics.domain.Delta.ContactChange;
import io.rapport.metrics.domain.Delta.ContactKey;
import io.rapport.metrics.domain.Delta.Row;

import static io.rapport.metrics.domain.Counters.*;
import static io.rapport.metrics.domain.Given.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** A transaction's changes to the roll-ups: new minus old, summed per row, in key order (docs/metrics.md). */
@Tag("unit")
class DeltaTest {

    private static final LocalDate DEC_2 = LocalDate.of(2026, 12, 2);
    private static final LocalDate DEC_3 = LocalDate.of(2026, 12, 3);

    @Test
    void shouldAddAFirstContributionToEveryDimensionsTable() {
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, interaction().status("PLANNED").contribution());

        assertThat(delta.msl()).containsExactly(entry(new Row(ADA, null, DEC_1, PLANNED), 1L));
        assertThat(delta.team()).containsExactly(entry(new Row(TEAM, null, DEC_1, PLANNED), 1L));
        assertThat(delta.kol()).containsExactly(entry(new Row(K1.toString(), null, DEC_1, PLANNED), 1L));
        assertThat(delta.area()).containsExactly(entry(new Row(AREA, TEAM, DEC_1, PLANNED), 1L));
    }

    @Test
    void shouldApplyOnlyTheDifferenceWhenAFeedbackScoreIsAmended() {
        // The worked example's event 6: I2's feedback amended from 5 to 3.
        Contribution before = interaction().completed(45).channel("IN_PERSON").on(DEC_2).feedback(5).contribution();
        Contribution after = interaction().completed(45).channel("IN_PERSON").on(DEC_2).feedback(3).contribution();
        Delta delta = new Delta();

        delta.replace(before, after);

        assertThat(delta.team()).containsExactly(entry(new Row(TEAM, null, DEC_2, FEEDBACK_SUM), -2L));
        assertThat(delta.msl()).containsOnlyKeys(new Row(ADA, null, DEC_2, FEEDBACK_SUM));
        assertThat(delta.contacts()).isEmpty();
    }

    @Test
    void shouldTurnAPlannedInteractionIntoACompletedOneRatherThanCountBoth() {
        Delta delta = new Delta();

        delta.replace(interaction().status("PLANNED").contribution(), interaction().completed(30).contribution());

        assertThat(delta.team()).containsOnly(entry(new Row(TEAM, null, DEC_1, PLANNED), -1L),
                entry(new Row(TEAM, null, DEC_1, COMPLETED), 1L),
                entry(new Row(TEAM, null, DEC_1, "interactions.completed.channel.VIDEO"), 1L),
                entry(new Row(TEAM, null, DEC_1, MINUTES), 30L));
        assertThat(delta.contacts()).containsExactly(entry(new ContactKey(K1, ADA, DEC_1), new ContactChange(TEAM, 1, 0)));
    }

    @Test
    void shouldMoveTheCountsAndTheContactWhenTheDateMoves() {
        Delta delta = new Delta();

        delta.replace(interaction().completed(30).on(DEC_1).contribution(),
                interaction().completed(30).on(DEC_3).contribution());

        assertThat(delta.msl()).contains(entry(new Row(ADA, null, DEC_1, COMPLETED), -1L),
                entry(new Row(ADA, null, DEC_3, COMPLETED), 1L));
        assertThat(delta.contacts()).containsExactly(entry(new ContactKey(K1, ADA, DEC_1), new ContactChange(TEAM, -1, 0)),
                entry(new ContactKey(K1, ADA, DEC_3), new ContactChange(TEAM, 1, 0)));
    }

    @Test
    void shouldCancelOutAContributionReplacedByItself() {
        Contribution completed = interaction().completed(30).feedback(4).transfer("MEAL", "42.50", "EUR").contribution();
        Delta delta = new Delta();

        delta.replace(completed, completed);

        assertNothingWritten(delta);
    }

    @Test
    void shouldLeaveNothingOfAContributionAddedAndTakenBackInOneTransaction() {
        Contribution share = Contributions.of(share(K1, DEC_2, List.of(AREA)));
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, share);
        delta.replace(share, Contribution.NONE);

        assertNothingWritten(delta);
    }

    @Test
    void shouldSumEveryEventOfATransactionIntoOneRowPerKey() {
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, interaction().completed(30).with(K1).contribution());
        delta.replace(Contribution.NONE, interaction().completed(45).with(K2).contribution());

        assertThat(delta.team()).containsEntry(new Row(TEAM, null, DEC_1, COMPLETED), 2L)
                .containsEntry(new Row(TEAM, null, DEC_1, MINUTES), 75L);
        assertThat(delta.kol()).containsEntry(new Row(K1.toString(), null, DEC_1, COMPLETED), 1L)
                .containsEntry(new Row(K2.toString(), null, DEC_1, COMPLETED), 1L);
    }

    @Test
    void shouldKeepEachTeamsShareOfAnAreaApart() {
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, interaction().by("msl-ada", "oncology-north").contribution());
        delta.replace(Contribution.NONE, interaction().by("msl-bo", "oncology-south").contribution());

        assertThat(delta.area()).containsExactly(entry(new Row(AREA, "oncology-north", DEC_1, PLANNED), 1L),
                entry(new Row(AREA, "oncology-south", DEC_1, PLANNED), 1L));
    }

    @Test
    void shouldLeaveAThingWithoutKolOrAreaOutOfThatTableOnly() {
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, insight().about(null).status("SUBMITTED").submitted("2026-12-01T09:00:00Z")
                .contribution());
        delta.replace(Contribution.NONE, Contributions.of(share(K1, DEC_1, null)));

        assertThat(delta.msl()).containsOnlyKeys(new Row(ADA, null, DEC_1, INSIGHTS_SUBMITTED),
                new Row(ADA, null, DEC_1, SHARED));
        assertThat(delta.kol()).containsOnlyKeys(new Row(K1.toString(), null, DEC_1, SHARED));
        assertThat(delta.area()).containsOnlyKeys(new Row(AREA, TEAM, DEC_1, INSIGHTS_SUBMITTED));
    }

    @Test
    void shouldHandRowsOutInKeyOrderWhateverOrderTheEventsCameIn() {
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, interaction().by("msl-cy", TEAM).on(DEC_3).completed(10).contribution());
        delta.replace(Contribution.NONE, interaction().by("msl-bo", TEAM).on(DEC_2).contribution());
        delta.replace(Contribution.NONE, interaction().by("msl-bo", TEAM).on(DEC_1).status("CANCELLED").contribution());
        delta.replace(Contribution.NONE, interaction().by("msl-ada", TEAM).on(DEC_3).contribution());

        assertThat(new ArrayList<>(delta.msl().keySet())).containsExactly(
                new Row("msl-ada", null, DEC_3, PLANNED),
                new Row("msl-bo", null, DEC_1, CANCELLED),
                new Row("msl-bo", null, DEC_2, PLANNED),
                new Row("msl-cy", null, DEC_3, COMPLETED),
                new Row("msl-cy", null, DEC_3, "interactions.completed.channel.VIDEO"),
                new Row("msl-cy", null, DEC_3, MINUTES));
    }

    @Test
    void shouldHandContactsOutInKeyOrder() {
        UUID first = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, interaction().completed(10).with(second).by("msl-ada", TEAM).contribution());
        delta.replace(Contribution.NONE, interaction().completed(10).with(first).by("msl-bo", TEAM).on(DEC_2).contribution());
        delta.replace(Contribution.NONE, interaction().completed(10).with(first).by("msl-bo", TEAM).on(DEC_1).contribution());
        delta.replace(Contribution.NONE, interaction().completed(10).with(first).by("msl-ada", TEAM).contribution());

        assertThat(new ArrayList<>(delta.contacts().keySet())).containsExactly(new ContactKey(first, "msl-ada", DEC_1),
                new ContactKey(first, "msl-bo", DEC_1), new ContactKey(first, "msl-bo", DEC_2),
                new ContactKey(second, "msl-ada", DEC_1));
    }

    @Test
    void shouldCountAKolMetTwiceOnADayInOneContactRow() {
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, interaction().completed(30).contribution());
        delta.replace(Contribution.NONE, interaction().completed(15).channel("PHONE").contribution());
        delta.replace(Contribution.NONE, Contributions.of(share(K1, DEC_1, List.of(AREA))));

        assertThat(delta.contacts()).containsExactly(entry(new ContactKey(K1, ADA, DEC_1), new ContactChange(TEAM, 2, 1)));
    }

    @Test
    void shouldRecordTheTeamOfTheContactAddedNotOfTheOneTakenBack() {
        Contribution metByNewTeam = new Contribution(List.of(), List.of(new Contact(K1, ADA, DEC_1, "oncology-south", 1, 0)));
        Contribution sharedByOldTeam = new Contribution(List.of(), List.of(new Contact(K1, ADA, DEC_1, TEAM, 0, 1)));
        Delta delta = new Delta();

        delta.replace(Contribution.NONE, metByNewTeam);
        delta.replace(sharedByOldTeam, Contribution.NONE);

        assertThat(delta.contacts()).containsExactly(
                entry(new ContactKey(K1, ADA, DEC_1), new ContactChange("oncology-south", 1, -1)));
    }

    @Test
    void shouldNameEveryMslTeamKolAndAreaTheTransactionTouchedOnEitherSide() {
        Delta delta = new Delta();

        delta.replace(interaction().by("msl-ada", "oncology-north").with(K1).in("ONCOLOGY").contribution(),
                interaction().by("msl-bo", "oncology-south").with(K2).in("CARDIOLOGY").contribution());

        Delta.Changed changed = delta.changed();
        assertThat(changed.msls).containsExactly("msl-ada", "msl-bo");
        assertThat(changed.teams).containsExactly("oncology-north", "oncology-south");
        assertThat(changed.kols).containsExactlyInAnyOrder(K1, K2);
        assertThat(changed.areas).containsExactly("CARDIOLOGY", "ONCOLOGY");
        assertThat(changed.everything).isFalse();
    }

    @Test
    void shouldReportNoChangeUntilSomethingIsTouched() {
        Delta delta = new Delta();
        assertThat(delta.changed().isEmpty()).isTrue();

        delta.touchKol(K2);
        assertThat(delta.changed().isEmpty()).isFalse();
        assertThat(delta.changed().kols).containsExactly(K2);
        assertThat(delta.msl()).isEmpty();

        Delta erased = new Delta();
        erased.touchEverything();
        assertThat(erased.changed().isEmpty()).isFalse();
    }

    @Test
    void shouldEndWithOnlyTheLatestVersionsContributionHoweverManyAmendmentsCameBetween() {
        Random random = new Random(14);
        for (int run = 0; run < 200; run++) {
            List<Contribution> versions = new ArrayList<>();
            for (int v = 0, n = 1 + random.nextInt(6); v < n; v++) {
                versions.add(randomInteraction(random));
            }
            Delta stepByStep = new Delta();
            Contribution applied = Contribution.NONE;
            for (Contribution version : versions) {
                stepByStep.replace(applied, version);
                applied = version;
            }
            Delta latestOnly = new Delta();
            latestOnly.replace(Contribution.NONE, applied);

            assertSameRows(stepByStep, latestOnly);
        }
    }

    @Test
    void shouldSumTheSameWhetherEventsComeInOneTransactionOrInMany() {
        Random random = new Random(2026);
        for (int run = 0; run < 100; run++) {
            Delta batch = new Delta();
            Map<Row, Long> summedTeamRows = new TreeMap<>(java.util.Comparator.comparing(Row::toString));
            Map<ContactKey, Integer> summedMet = new HashMap<>();
            Contribution applied = Contribution.NONE;
            for (int event = 0, n = 1 + random.nextInt(8); event < n; event++) {
                Contribution now = randomInteraction(random);
                batch.replace(applied, now);
                Delta alone = new Delta();
                alone.replace(applied, now);
                alone.team().forEach((row, value) -> summedTeamRows.merge(row, value, Long::sum));
                alone.contacts().forEach((key, change) -> summedMet.merge(key, change.met(), Integer::sum));
                applied = now;
            }
            summedTeamRows.values().removeIf(v -> v == 0);
            summedMet.values().removeIf(v -> v == 0);

            assertThat(new HashMap<>(batch.team())).isEqualTo(new HashMap<>(summedTeamRows));
            Map<ContactKey, Integer> batchMet = new HashMap<>();
            batch.contacts().forEach((key, change) -> batchMet.put(key, change.met()));
            assertThat(batchMet).isEqualTo(summedMet);
        }
    }

    /** One version of interaction I1: any status, day, MSL, channel, duration and feedback of a small range. */
    private static Contribution randomInteraction(Random random) {
        String[] statuses = { "PLANNED", "COMPLETED", "CANCELLED", "NO_SHOW" };
        Given.InteractionFacts facts = interaction().status(statuses[random.nextInt(statuses.length)])
                .on(DEC_1.plusDays(random.nextInt(3))).by(random.nextBoolean() ? "msl-ada" : "msl-bo", TEAM)
                .channel(random.nextBoolean() ? "VIDEO" : "PHONE")
                .feedback(random.nextBoolean() ? 1 + random.nextInt(5) : null);
        facts.minutes = 5 * random.nextInt(20);
        if (random.nextBoolean()) {
            facts.fromPlan();
        }
        return facts.contribution();
    }

    private static void assertSameRows(Delta actual, Delta expected) {
        assertThat(actual.msl()).isEqualTo(expected.msl());
        assertThat(actual.team()).isEqualTo(expected.team());
        assertThat(actual.kol()).isEqualTo(expected.kol());
        assertThat(actual.area()).isEqualTo(expected.area());
        assertThat(actual.contacts()).isEqualTo(expected.contacts());
    }

    private static void assertNothingWritten(Delta delta) {
        assertThat(delta.msl()).isEmpty();
        assertThat(delta.team()).isEmpty();
        assertThat(delta.kol()).isEmpty();
        assertThat(delta.area()).isEmpty();
        assertThat(delta.contacts()).isEmpty();
    }
}
