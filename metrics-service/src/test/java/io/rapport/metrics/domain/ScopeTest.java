package io.rapport.metrics.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose numbers a read covers, how it is labelled, and which committed changes concern it (the stream's filter). */
@Tag("unit")
class ScopeTest {

    private static final UUID K1 = Given.K1;
    private static final UUID K2 = Given.K2;

    @Test
    void shouldLabelEachKindOfScope() {
        assertThat(Scope.msl("msl-ada").label()).isEqualTo("msl:msl-ada");
        assertThat(Scope.kol(K1).label()).isEqualTo("kol:" + K1);
        assertThat(Scope.teams(null).label()).isEqualTo("all");
        assertThat(Scope.area("ONCOLOGY", null).label()).isEqualTo("area:ONCOLOGY");
    }

    @Test
    void shouldLabelTeamsInAlphabeticalOrderWhateverOrderTheyCameIn() {
        assertThat(Scope.teams(Set.of("oncology-south", "cardio", "oncology-north")).label())
                .isEqualTo("teams:cardio,oncology-north,oncology-south");
        assertThat(Scope.area("ONCOLOGY", Set.of("b", "a")).label()).isEqualTo("area:ONCOLOGY teams:a,b");
    }

    @Test
    void shouldNotWidenWhenTheCallersSetChangesAfterwards() {
        Set<String> managed = new HashSet<>(Set.of("oncology-north"));
        Scope scope = Scope.teams(managed);

        managed.add("oncology-south");

        assertThat(scope.teams()).containsExactly("oncology-north");
    }

    @Test
    void shouldConcernEveryScopeAfterAnErasureOrARebuild() {
        Change everything = new Change(1, true, null, null, null, null);

        assertThat(everything.concerns(Scope.msl("msl-ada"))).isTrue();
        assertThat(everything.concerns(Scope.kol(K1))).isTrue();
        assertThat(everything.concerns(Scope.teams(Set.of("x")))).isTrue();
        assertThat(everything.concerns(Scope.area("ONCOLOGY", Set.of("x")))).isTrue();
    }

    @Test
    void shouldConcernAnMslOrAKolOnlyWhenTheirOwnNumbersChanged() {
        Change change = new Change(1, false, Set.of("msl-ada"), Set.of("oncology-north"), Set.of(K1), Set.of("ONCOLOGY"));

        assertThat(change.concerns(Scope.msl("msl-ada"))).isTrue();
        assertThat(change.concerns(Scope.msl("msl-bo"))).isFalse();
        assertThat(change.concerns(Scope.kol(K1))).isTrue();
        assertThat(change.concerns(Scope.kol(K2))).isFalse();
    }

    @Test
    void shouldConcernTeamsWhenOneOfThemChangedAndEveryoneWhenAnythingCounted() {
        Change north = new Change(1, false, Set.of("msl-ada"), Set.of("oncology-north"), Set.of(), Set.of());
        Change profileOnly = new Change(2, false, Set.of(), Set.of(), Set.of(K1), Set.of());
        Change nothing = new Change(3, false, null, null, null, null);

        assertThat(north.concerns(Scope.teams(Set.of("oncology-north", "cardio")))).isTrue();
        assertThat(north.concerns(Scope.teams(Set.of("cardio")))).isFalse();
        assertThat(north.concerns(Scope.teams(null))).isTrue();
        assertThat(profileOnly.concerns(Scope.teams(null))).as("a KOL's health changed").isTrue();
        assertThat(nothing.concerns(Scope.teams(null))).isFalse();
    }

    @Test
    void shouldConcernAnAreaOnlyWhenThatAreaChangedInOneOfItsTeams() {
        Change change = new Change(1, false, Set.of("msl-ada"), Set.of("oncology-north"), Set.of(K1), Set.of("ONCOLOGY"));

        assertThat(change.concerns(Scope.area("ONCOLOGY", null))).isTrue();
        assertThat(change.concerns(Scope.area("ONCOLOGY", Set.of("oncology-north")))).isTrue();
        assertThat(change.concerns(Scope.area("ONCOLOGY", Set.of("oncology-south")))).isFalse();
        assertThat(change.concerns(Scope.area("CARDIOLOGY", null))).isFalse();
    }
}
