package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.DomainException.Kind;
import io.smallrye.mutiny.Uni;

import static io.rapport.interaction.domain.Examples.completion;
import static io.rapport.interaction.domain.Examples.members;
import static io.rapport.interaction.domain.Examples.plan;
import static io.rapport.interaction.domain.Examples.planned;
import static io.rapport.interaction.domain.Examples.refused;
import static io.rapport.interaction.domain.Examples.withPreferences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link InteractionRules#assess}: the KOL's frequency cap per calendar quarter and the preference flags, with the
 * count of the KOL's other interactions in the quarter given by a fixed stub (the locking query is tested with
 * the database by FrequencyCapTest).
 */
@Tag("unit")
class CapAssessmentTest {

    /** Answers a fixed count of other interactions, and remembers what it was asked. */
    static final class OthersInQuarter extends InteractionRepository {
        final long others;
        final List<String> asked = new ArrayList<>();

        OthersInQuarter(long others) {
            this.others = others;
        }

        @Override
        public Uni<Long> countInQuarter(UUID kolId, String quarter, UUID excluded) {
            asked.add(kolId + " " + quarter + " " + excluded);
            return Uni.createFrom().item(others);
        }
    }

    private static void assess(long others, Interaction interaction, Replicated.Kol kol) {
        new InteractionRules(new OthersInQuarter(others)).assess(interaction, kol).await().indefinitely();
    }

    private static Interaction at(String plannedStart, String zone, String capOverrideReason) {
        return planned(plan(Channel.VIDEO, Instant.parse(plannedStart), 30, capOverrideReason), zone);
    }

    @Test
    void shouldAcceptTheLastContactTheCapAllowsAndNoteItsQuarter() {
        Interaction third = at("2026-05-12T09:00:00Z", "Europe/Berlin", null);
        assess(2, third, withPreferences(null, null, 3));
        assertThat(third.capQuarter()).isEqualTo("2026-Q2");
        assertThat(third.capOverridden()).isFalse();
    }

    @Test
    void shouldRefuseAContactBeyondTheCapNamingCountCapAndQuarter() {
        Interaction fourth = at("2026-05-12T09:00:00Z", "Europe/Berlin", null);
        DomainException problem = refused(() -> assess(3, fourth, withPreferences(null, null, 3)), Kind.RULE,
                "frequency-cap-exceeded");
        assertThat(members(problem)).containsEntry("count", 3L).containsEntry("cap", 3)
                .containsEntry("quarter", "2026-Q2");
        assertThat(fourth.capQuarter()).isNull();
    }

    @Test
    void shouldRefuseAnyContactWhenTheKolAcceptsNone() {
        refused(() -> assess(0, at("2026-05-12T09:00:00Z", "Europe/Berlin", null), withPreferences(null, null, 0)),
                Kind.RULE, "frequency-cap-exceeded");
    }

    @Test
    void shouldRecordAContactBeyondTheCapWithAReasonAsAnOverride() {
        Interaction fourth = at("2026-05-12T09:00:00Z", "Europe/Berlin", "The KOL asked for the follow-up meeting");
        assess(3, fourth, withPreferences(null, null, 3));
        assertThat(fourth.capOverridden()).isTrue();
        assertThat(fourth.capQuarter()).isEqualTo("2026-Q2");
    }

    @Test
    void shouldNotTakeABlankReasonForAnOverride() {
        refused(() -> assess(3, at("2026-05-12T09:00:00Z", "Europe/Berlin", "  "), withPreferences(null, null, 3)),
                Kind.RULE, "frequency-cap-exceeded");
    }

    @Test
    void shouldKeepASafetyRecordBeyondTheCapWithoutAReason() {
        Interaction safety = at("2026-05-12T09:00:00Z", "Europe/Berlin", null);
        safety.complete(completion(true, false, null, List.of()));
        safety.basedOn(LegalBasis.LEGITIMATE_INTEREST);
        assess(5, safety, withPreferences(null, null, 3));
        assertThat(safety.legalBasis()).isEqualTo(LegalBasis.LEGAL_OBLIGATION);
        assertThat(safety.capOverridden()).isTrue();
    }

    @Test
    void shouldNotCountWhenTheKolHasNoCap() {
        InteractionRepository unused = new InteractionRepository() {
            @Override
            public Uni<Long> countInQuarter(UUID kolId, String quarter, UUID excluded) {
                throw new AssertionError("no cap, nothing to count");
            }
        };
        Interaction interaction = at("2026-05-12T09:00:00Z", "Europe/Berlin", null);
        new InteractionRules(unused).assess(interaction, withPreferences(Set.of(), null, null)).await().indefinitely();
        new InteractionRules(unused).assess(interaction, Examples.activeKol()).await().indefinitely();
        assertThat(interaction.capOverridden()).isFalse();
        assertThat(interaction.capQuarter()).isEqualTo("2026-Q2");
    }

    @Test
    void shouldCountTheKolsOtherInteractionsInTheQuarterOfTheLocalDate() {
        // 23:30 UTC on 31 March is already 1 April in Berlin, still 31 March in New York
        Interaction berlin = at("2026-03-31T23:30:00Z", "Europe/Berlin", null);
        Interaction newYork = at("2026-03-31T23:30:00Z", "America/New_York", null);
        OthersInQuarter repository = new OthersInQuarter(0);
        InteractionRules rules = new InteractionRules(repository);
        rules.assess(berlin, withPreferences(null, null, 4)).await().indefinitely();
        rules.assess(newYork, withPreferences(null, null, 4)).await().indefinitely();
        assertThat(berlin.capQuarter()).isEqualTo("2026-Q2");
        assertThat(newYork.capQuarter()).isEqualTo("2026-Q1");
        assertThat(repository.asked).containsExactly(Examples.KOL + " 2026-Q2 " + berlin.id(),
                Examples.KOL + " 2026-Q1 " + newYork.id());
    }

    @Test
    void shouldCountACompletedInteractionInTheQuarterItHappenedIn() {
        Interaction late = at("2026-03-30T09:00:00Z", "Europe/Berlin", null);
        late.complete(new Completion(Instant.parse("2026-04-02T09:00:00Z"), 30, "Met after all", true, null, false,
                false, null, null, null));
        assess(0, late, withPreferences(null, null, 2));
        assertThat(late.capQuarter()).isEqualTo("2026-Q2");
    }

    @Test
    void shouldFlagAChannelTheKolDoesNotPreferButAcceptIt() {
        Interaction phone = planned(plan(Channel.PHONE, Instant.parse("2026-05-12T09:00:00Z"), 30, null),
                "Europe/Berlin");
        assess(0, phone, withPreferences(Set.of(Channel.VIDEO, Channel.IN_PERSON), null, null));
        assertThat(phone.offPreferenceChannel()).isTrue();

        Interaction video = planned(plan(Channel.VIDEO, Instant.parse("2026-05-12T09:00:00Z"), 30, null),
                "Europe/Berlin");
        assess(0, video, withPreferences(Set.of(Channel.VIDEO, Channel.IN_PERSON), null, null));
        assertThat(video.offPreferenceChannel()).isFalse();
    }

    @Test
    void shouldNotFlagAChannelWhenTheKolStatedNoPreference() {
        Interaction phone = planned(plan(Channel.PHONE, Instant.parse("2026-05-12T09:00:00Z"), 30, null),
                "Europe/Berlin");
        assess(0, phone, withPreferences(Set.of(), null, null));
        assertThat(phone.offPreferenceChannel()).isFalse();
        assess(0, phone, Examples.activeKol());
        assertThat(phone.offPreferenceChannel()).isFalse();
    }

    @Test
    void shouldFlagAMeetingLongerThanTheKolPrefersButNotOneAsLong() {
        Interaction longer = planned(plan(Channel.VIDEO, Instant.parse("2026-05-12T09:00:00Z"), 45, null),
                "Europe/Berlin");
        Interaction asLong = planned(plan(Channel.VIDEO, Instant.parse("2026-05-12T09:00:00Z"), 30, null),
                "Europe/Berlin");
        Interaction unknown = planned(plan(Channel.VIDEO, Instant.parse("2026-05-12T09:00:00Z"), null, null),
                "Europe/Berlin");
        Replicated.Kol halfHour = withPreferences(null, 30, null);
        assess(0, longer, halfHour);
        assess(0, asLong, halfHour);
        assess(0, unknown, halfHour);
        assertThat(longer.overPreferredDuration()).isTrue();
        assertThat(asLong.overPreferredDuration()).isFalse();
        assertThat(unknown.overPreferredDuration()).isFalse();
    }
}
