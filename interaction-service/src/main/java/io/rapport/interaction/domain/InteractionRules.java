package io.rapport.interaction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * The rules that make an interaction respect the KOL: contactable on this channel, a complete and honest
 * record when it happened, and no more contacts per calendar quarter than the KOL accepts.
 */
@ApplicationScoped
public class InteractionRules {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final InteractionRepository interactions;

    public InteractionRules(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    /**
     * A new record about the KOL: refused (422 naming the rule) when the KOL was erased, objected, asked not to be
     * contacted or withdrew the consent it needs, unless its basis is one of the exceptions (a legal obligation, the
     * KOL's own request), which are kept whatever the rights state (for an erased KOL pseudonymised at once).
     *
     * @param channel how the record contacts the KOL, or null when it needs no channel
     */
    public static void requireRecordable(Replicated.Kol kol, Channel channel, LegalBasis basis) {
        if (!basis.exception()) {
            requireContactable(kol, channel);
        }
    }

    /** 422 naming why the KOL may not be contacted (on this channel, when one is given). */
    public static void requireContactable(Replicated.Kol kol, Channel channel) {
        if (kol.erased()) {
            throw DomainException.rule("kol-erased", "KOL " + kol.kolId() + " was erased (GDPR Art. 17): no new "
                    + "records, except what the law requires (safety reporting) or the KOL asked for");
        }
        Replicated.Contactability contactability = kol.contactability();
        if (contactability != null && contactability.objected()) {
            throw DomainException.rule("kol-objected", "KOL " + kol.kolId() + " objected (GDPR Art. 21) on "
                    + contactability.objectedAt() + ": no new records, except what the law requires or the KOL asked for");
        }
        if (contactability != null && (Boolean.TRUE.equals(contactability.doNotContact())
                || "do-not-contact".equals(contactability.reason()))) {
            throw DomainException.rule("do-not-contact", "KOL " + kol.kolId() + " asked not to be contacted");
        }
        if (!"ACTIVE".equals(kol.status())) {
            throw DomainException.rule("kol-not-active", "KOL " + kol.kolId() + " is " + kol.status()
                    + " and cannot be contacted");
        }
        if (contactability != null && !contactability.contactable()) {
            if ("CONSENT".equals(contactability.lawfulBasis()) || contactability.anyConsentWithdrawn()) {
                throw DomainException.rule("consent-withdrawn", "KOL " + kol.kolId() + " withdrew the consent "
                        + "records about them are kept on");
            }
            String reason = contactability.reason() == null ? "not-contactable" : contactability.reason();
            throw DomainException.rule(reason, "KOL " + kol.kolId() + " may not be contacted (" + reason + ")");
        }
        if (channel == Channel.EMAIL && contactability != null && !contactability.emailAllowed()) {
            throw channelConsent(kol, contactability, "EMAIL_CONTACT", "no-email-consent", "e-mail");
        }
        if (channel == Channel.PHONE && contactability != null && !contactability.phoneAllowed()) {
            throw channelConsent(kol, contactability, "PHONE_CONTACT", "no-phone-consent", "phone");
        }
    }

    /** A withdrawn consent is named as such; one never given keeps its own rule. */
    private static DomainException channelConsent(Replicated.Kol kol, Replicated.Contactability contactability,
            String purpose, String neverGiven, String what) {
        if (contactability.consentWithdrawn(purpose)) {
            return DomainException.rule("consent-withdrawn", "KOL " + kol.kolId() + " withdrew consent to " + what
                    + " contact").with("purpose", purpose);
        }
        return DomainException.rule(neverGiven, "KOL " + kol.kolId() + " withdrew or refused consent to " + what
                + " contact");
    }

    /**
     * Completing needs role and company disclosed, an outcome, when and how long, and both safety answers;
     * an advisory board needs its contract reference. 422 listing what is missing.
     */
    public static void requireCompletable(Completion completion, InteractionKind kind) {
        List<FieldError> missing = new ArrayList<>();
        if (!Boolean.TRUE.equals(completion.disclosureMade())) {
            missing.add(new FieldError("disclosureMade", "role and company must have been disclosed (true)"));
        }
        if (completion.outcome() == null || completion.outcome().isBlank()) {
            missing.add(new FieldError("outcome", "required to complete"));
        }
        if (completion.occurredAt() == null) {
            missing.add(new FieldError("occurredAt", "required to complete"));
        } else if (completion.occurredAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            missing.add(new FieldError("occurredAt", "an interaction cannot be completed before it happened"));
        }
        if (completion.durationMinutes() == null) {
            missing.add(new FieldError("durationMinutes", "required to complete"));
        }
        if (completion.adverseEventMentioned() == null) {
            missing.add(new FieldError("adverseEventMentioned", "answer yes or no to complete"));
        }
        if (completion.productComplaintMentioned() == null) {
            missing.add(new FieldError("productComplaintMentioned", "answer yes or no to complete"));
        }
        if (!missing.isEmpty()) {
            throw DomainException.rule("completion-incomplete",
                    "An interaction is completed with disclosure, outcome, time, duration and both safety answers", missing);
        }
        if (kind == InteractionKind.ADVISORY_BOARD && completion.transfersOfValue().stream()
                .anyMatch(t -> t.contractReference() == null || t.contractReference().isBlank())) {
            throw DomainException.rule("contract-reference-required", "Transfers of value of an advisory board need "
                    + "the contract reference");
        }
    }

    /**
     * Finds the quarter the interaction counts in and checks the KOL's cap there (the KOL's replica row must be
     * locked by the caller, so concurrent requests count one at a time); sets the preference flags.
     */
    public Uni<Void> assess(Interaction interaction, Replicated.Kol kol) {
        String quarter = quarterOf(interaction.localDate());
        Replicated.Preferences preferences = kol.preferences();
        Integer cap = preferences == null ? null : preferences.maxContactsPerQuarter();
        boolean offChannel = preferences != null && preferences.channels() != null && !preferences.channels().isEmpty()
                && !preferences.channels().contains(interaction.channel());
        boolean overDuration = preferences != null && preferences.meetingLengthMinutes() != null
                && interaction.durationMinutes() != null
                && interaction.durationMinutes() > preferences.meetingLengthMinutes();
        Uni<Long> others = cap == null || !interaction.status().counts() ? Uni.createFrom().item(0L)
                : interactions.countInQuarter(interaction.kolId(), quarter, interaction.id());
        return others.invoke(count -> {
            boolean over = cap != null && interaction.status().counts() && count + 1 > cap;
            // a safety record is kept whatever the cap: the law requires it
            if (over && interaction.legalBasis() != LegalBasis.LEGAL_OBLIGATION
                    && (interaction.capOverrideReason() == null || interaction.capOverrideReason().isBlank())) {
                throw DomainException.rule("frequency-cap-exceeded", "KOL " + kol.kolId() + " accepts " + cap
                        + " contacts in " + quarter + " and already has " + count + "; give a capOverrideReason to "
                        + "record it anyway").with("count", count).with("cap", cap).with("quarter", quarter);
            }
            interaction.assess(quarter, over, offChannel, overDuration);
        }).replaceWithVoid();
    }

    /** "2026-Q4" for a date in October to December 2026. */
    public static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }
}
