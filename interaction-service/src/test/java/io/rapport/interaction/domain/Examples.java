package io.rapport.interaction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.DomainException.Kind;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples shared by the unit tests of the domain: KOLs in their rights states, plans, completions. */
final class Examples {

    static final UUID KOL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");

    private Examples() {
    }

    /** Active, contactable on every channel, on legitimate interest, no preferences. */
    static Replicated.Contactability contactable() {
        return new Replicated.Contactability(true, null, true, true, "LEGITIMATE_INTEREST", Map.of(), null, null);
    }

    static Replicated.Kol kol(String status, Replicated.Contactability contactability) {
        return new Replicated.Kol(KOL.toString(), status, 1, "DE", List.of("ONC"), null, contactability, List.of(), 1);
    }

    static Replicated.Kol activeKol() {
        return kol("ACTIVE", contactable());
    }

    static Replicated.Kol withPreferences(Set<Channel> channels, Integer meetingMinutes, Integer cap) {
        return new Replicated.Kol(KOL.toString(), "ACTIVE", 1, "DE", List.of("ONC"),
                new Replicated.Preferences(channels, meetingMinutes, cap), contactable(), List.of(), 1);
    }

    static InteractionDraft plan(Channel channel, Instant start, Integer minutes, String capOverrideReason) {
        return new InteractionDraft(KOL, null, channel, InteractionKind.ONE_TO_ONE, "Discuss the phase III data",
                List.of("phase-3"), "ONC", List.of("PRD-1"), null, start, minutes, capOverrideReason, List.of());
    }

    static InteractionDraft plan() {
        return plan(Channel.VIDEO, MONDAY_NOON, 30, null);
    }

    static Interaction planned(InteractionDraft draft, String zone) {
        return Interaction.record(UUID.randomUUID(), draft, null, new Owner("msl-ada", "team-onc", "msl-ada", zone));
    }

    static Interaction planned() {
        return planned(plan(), "Europe/Berlin");
    }

    /** Everything completing needs, no safety mention, no transfer of value. */
    static Completion completion() {
        return completion(false, false, null, List.of());
    }

    static Completion completion(boolean adverseEvent, boolean complaint, String safetyReportId,
            List<TransferOfValue> transfers) {
        return new Completion(MONDAY_NOON, 40, "Agreed to review the protocol", true, 4, adverseEvent, complaint,
                safetyReportId, transfers, List.of());
    }

    static TransferOfValue meal(String contractReference) {
        return new TransferOfValue(TransferOfValue.Kind.MEAL, new BigDecimal("42.50"), "EUR", contractReference);
    }

    /** Asserts the call is refused with this kind of outcome (the edge's status) and slug, and returns it. */
    static DomainException refused(ThrowingCallable call, Kind kind, String slug) {
        DomainException[] caught = new DomainException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> caught[0] = e)
                .satisfies(e -> {
                    DomainException p = (DomainException) e;
                    org.assertj.core.api.Assertions.assertThat(p.slug()).isEqualTo(slug);
                    org.assertj.core.api.Assertions.assertThat(p.kind()).isEqualTo(kind);
                });
        return caught[0];
    }

    /** The rule-specific members of the outcome (count, cap, allowed transitions...). */
    static Map<String, Object> members(DomainException problem) {
        return problem.extensions();
    }
}
