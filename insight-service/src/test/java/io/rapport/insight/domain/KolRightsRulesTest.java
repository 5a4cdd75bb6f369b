package io.rapport.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.insight.domain.KolRights.Record;
import io.rapport.insight.domain.Replicated.Contactability;
import io.rapport.insight.domain.Share.Channel;
import io.rapport.platform.domain.DomainException;

import static io.rapport.insight.domain.StandIns.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Whether a new insight or share about a KOL may be written, from the rights kol-service publishes: each refusal
 * names its rule, and a record the law requires is exempt from the rights (not from the KOL being active).
 */
@Tag("unit")
class KolRightsRulesTest {

    private static final Instant OBJECTED = Instant.parse("2026-03-01T09:00:00Z");

    private static Contactability reachable() {
        return new Contactability(true, null, true, true, "LEGITIMATE_INTEREST", Map.of(), null, false);
    }

    private static Replicated.Kol kol(String status, Contactability contactability) {
        return new Replicated.Kol("kol-1", status, "DE", List.of("ONC"), List.of("nsclc"), contactability);
    }

    private static String refusal(Replicated.Kol kol, Record record, Channel channel, LegalBasis legal) {
        var refused = refused(() -> KolRights.require(kol, record, channel, legal));
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.RULE);
        return refused.slug();
    }

    @Test
    void shouldAllowEveryRecordAboutAnActiveReachableKol() {
        Replicated.Kol kol = kol("ACTIVE", reachable());

        for (Channel channel : Channel.values()) {
            assertThatNoException().isThrownBy(() -> KolRights.require(kol, Record.SHARE, channel, null));
        }
        assertThatNoException().isThrownBy(() -> KolRights.require(kol, Record.INSIGHT, null, null));
        assertThat(KolRights.reachable(kol)).isTrue();
    }

    @Test
    void shouldRefuseNewRecordsAboutAnErasedKolUnlessTheLawRequiresThem() {
        Replicated.Kol erased = kol(Replicated.Kol.ERASED, null);

        assertThat(refusal(erased, Record.INSIGHT, null, null)).isEqualTo("kol-erased");
        assertThat(refusal(erased, Record.SHARE, Channel.EMAIL, null)).isEqualTo("kol-erased");
        assertThatNoException().isThrownBy(() -> KolRights.require(erased, Record.INSIGHT, null,
                LegalBasis.LEGAL_OBLIGATION));
        assertThatNoException().isThrownBy(() -> KolRights.require(erased, Record.SHARE, Channel.EMAIL,
                LegalBasis.KOL_REQUEST));
        assertThat(KolRights.reachable(erased)).isFalse();
    }

    @Test
    void shouldRefuseAnyRecordAboutAKolWhoObjected() {
        Replicated.Kol objected = kol("ACTIVE", new Contactability(false, "no-lawful-basis", false, false,
                "LEGITIMATE_INTEREST", Map.of(), OBJECTED, false));

        assertThat(refusal(objected, Record.INSIGHT, null, null)).isEqualTo("kol-objected");
        assertThat(refusal(objected, Record.SHARE, Channel.IN_PERSON, null)).isEqualTo("kol-objected");
        assertThatNoException().isThrownBy(() -> KolRights.require(objected, Record.INSIGHT, null,
                LegalBasis.LEGAL_OBLIGATION));
        assertThat(KolRights.reachable(objected)).isFalse();
    }

    @Test
    void shouldRequireTheConsentToProfilingWhenConsentIsTheLawfulBasis() {
        Contactability granted = new Contactability(true, null, true, true, "CONSENT", Map.of("PROFILING", "GRANTED"),
                null, false);
        Contactability withdrawn = new Contactability(false, "no-lawful-basis", false, false, "CONSENT",
                Map.of("PROFILING", "WITHDRAWN"), null, false);
        Contactability refusedConsent = new Contactability(false, "no-lawful-basis", false, false, "CONSENT",
                Map.of("PROFILING", "REFUSED"), null, false);
        Contactability none = new Contactability(false, "no-lawful-basis", false, false, "CONSENT", Map.of(), null,
                false);

        assertThatNoException().isThrownBy(() -> KolRights.require(kol("ACTIVE", granted), Record.INSIGHT, null, null));
        assertThat(refusal(kol("ACTIVE", withdrawn), Record.INSIGHT, null, null)).isEqualTo("consent-withdrawn");
        assertThat(refusal(kol("ACTIVE", refusedConsent), Record.INSIGHT, null, null)).isEqualTo("no-lawful-basis");
        assertThat(refusal(kol("ACTIVE", none), Record.INSIGHT, null, null)).isEqualTo("no-lawful-basis");
        assertThatNoException().isThrownBy(() -> KolRights.require(kol("ACTIVE", withdrawn), Record.INSIGHT, null,
                LegalBasis.LEGAL_OBLIGATION));
    }

    @Test
    void shouldWriteAnInsightButNotShareWithAKolOnDoNotContactOrInactive() {
        Replicated.Kol doNotContact = kol("ACTIVE", new Contactability(false, "do-not-contact", false, false,
                "LEGITIMATE_INTEREST", Map.of(), null, true));
        Replicated.Kol inactive = kol("INACTIVE", new Contactability(false, "kol-not-active", false, false,
                "LEGITIMATE_INTEREST", Map.of(), null, false));

        assertThatNoException().isThrownBy(() -> KolRights.require(doNotContact, Record.INSIGHT, null, null));
        assertThatNoException().isThrownBy(() -> KolRights.require(inactive, Record.INSIGHT, null, null));
        assertThat(refusal(doNotContact, Record.SHARE, Channel.IN_PERSON, null)).isEqualTo("do-not-contact");
        assertThat(refusal(inactive, Record.SHARE, Channel.IN_PERSON, null)).isEqualTo("kol-not-active");
        // an answer the KOL asked for ignores their contact preferences, but an inactive KOL gets none
        assertThatNoException().isThrownBy(() -> KolRights.require(doNotContact, Record.SHARE, Channel.EMAIL,
                LegalBasis.KOL_REQUEST));
        assertThat(refusal(inactive, Record.SHARE, Channel.EMAIL, LegalBasis.KOL_REQUEST)).isEqualTo("kol-not-active");
    }

    @Test
    void shouldNameTheReasonKolServiceGaveForAnUncontactableKol() {
        Replicated.Kol uncontactable = kol("ACTIVE", new Contactability(false, "contact-cap-reached", false, false,
                "LEGITIMATE_INTEREST", Map.of(), null, false));
        Replicated.Kol noReason = kol("ACTIVE", new Contactability(false, null, false, false, "LEGITIMATE_INTEREST",
                Map.of(), null, null));

        assertThat(refusal(uncontactable, Record.SHARE, Channel.VIDEO, null)).isEqualTo("contact-cap-reached");
        assertThat(refusal(noReason, Record.SHARE, Channel.VIDEO, null)).isEqualTo("do-not-contact");
    }

    @Test
    void shouldRefuseASharedEmailOrCallWithoutThatChannelsConsent() {
        Replicated.Kol noEmail = kol("ACTIVE", new Contactability(true, null, false, true, "LEGITIMATE_INTEREST",
                Map.of("EMAIL_CONTACT", "WITHDRAWN"), null, false));
        Replicated.Kol noPhone = kol("ACTIVE", new Contactability(true, null, true, false, "LEGITIMATE_INTEREST",
                Map.of("PHONE_CONTACT", "REFUSED"), null, false));
        Replicated.Kol phoneUnknown = kol("ACTIVE", new Contactability(true, null, true, null, "LEGITIMATE_INTEREST",
                Map.of(), null, false));

        assertThat(refusal(noEmail, Record.SHARE, Channel.EMAIL, null)).isEqualTo("no-email-consent");
        assertThatNoException().isThrownBy(() -> KolRights.require(noEmail, Record.SHARE, Channel.PHONE, null));
        assertThat(refusal(noPhone, Record.SHARE, Channel.PHONE, null)).isEqualTo("no-phone-consent");
        assertThatNoException().isThrownBy(() -> KolRights.require(noPhone, Record.SHARE, Channel.EMAIL, null));
        // an older event without the phone flag does not forbid calls
        assertThatNoException().isThrownBy(() -> KolRights.require(phoneUnknown, Record.SHARE, Channel.PHONE, null));
        assertThatNoException().isThrownBy(() -> KolRights.require(noEmail, Record.SHARE, Channel.EMAIL,
                LegalBasis.KOL_REQUEST));
        assertThat(KolRights.reachable(noEmail)).isTrue();
    }

    @Test
    void shouldTrustAKolWithoutPublishedRightsUntilTheyArrive() {
        Replicated.Kol unknownRights = kol("ACTIVE", null);

        assertThatNoException().isThrownBy(() -> KolRights.require(unknownRights, Record.INSIGHT, null, null));
        assertThatNoException().isThrownBy(() -> KolRights.require(unknownRights, Record.SHARE, Channel.EMAIL, null));
        assertThat(refusal(kol("INACTIVE", null), Record.SHARE, Channel.EMAIL, null)).isEqualTo("kol-not-active");
    }
}
