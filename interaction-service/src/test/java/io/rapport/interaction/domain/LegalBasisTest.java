package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.rapport.interaction.domain.Examples.kol;
import static org.assertj.core.api.Assertions.assertThat;

/** Why a record may exist ({@link LegalBasis}), and the replicated states the rules read. */
@Tag("unit")
class LegalBasisTest {

    private static Replicated.Contactability on(String lawfulBasis) {
        return new Replicated.Contactability(true, null, true, true, lawfulBasis, Map.of(), null, null);
    }

    @Test
    void shouldTreatOnlyTheLegalObligationAndTheKolsRequestAsExceptions() {
        assertThat(LegalBasis.LEGAL_OBLIGATION.exception()).isTrue();
        assertThat(LegalBasis.KOL_REQUEST.exception()).isTrue();
        assertThat(LegalBasis.LEGITIMATE_INTEREST.exception()).isFalse();
        assertThat(LegalBasis.CONSENT.exception()).isFalse();
    }

    @Test
    void shouldTakeTheKolsConsentBasisAndOtherwiseLegitimateInterest() {
        assertThat(LegalBasis.ofKol(kol("ACTIVE", on("CONSENT")))).isEqualTo(LegalBasis.CONSENT);
        assertThat(LegalBasis.ofKol(kol("ACTIVE", on("LEGITIMATE_INTEREST")))).isEqualTo(LegalBasis.LEGITIMATE_INTEREST);
        assertThat(LegalBasis.ofKol(kol("ACTIVE", on(null)))).isEqualTo(LegalBasis.LEGITIMATE_INTEREST);
        assertThat(LegalBasis.ofKol(kol("ACTIVE", null))).isEqualTo(LegalBasis.LEGITIMATE_INTEREST);
    }

    @Test
    void shouldReadAWithdrawnConsentPerPurpose() {
        Replicated.Contactability rights = new Replicated.Contactability(true, null, false, true, "LEGITIMATE_INTEREST",
                Map.of("EMAIL_CONTACT", "WITHDRAWN", "PHONE_CONTACT", "GRANTED"), null, null);
        assertThat(rights.consentWithdrawn("EMAIL_CONTACT")).isTrue();
        assertThat(rights.consentWithdrawn("PHONE_CONTACT")).isFalse();
        assertThat(rights.consentWithdrawn("PROFILING")).isFalse();
        assertThat(rights.anyConsentWithdrawn()).isTrue();
        assertThat(on("CONSENT").anyConsentWithdrawn()).isFalse();
        assertThat(new Replicated.Contactability(true, null, true, true, null, null, null, null).consentWithdrawn("X"))
                .isFalse();
    }

    @Test
    void shouldReadAnObjectionFromItsDate() {
        assertThat(on(null).objected()).isFalse();
        assertThat(new Replicated.Contactability(false, null, true, true, null, null, Instant.EPOCH, null).objected())
                .isTrue();
    }

    @Test
    void shouldAcceptOnlyAnApprovedUnexpiredResponseLetterForAnOffLabelAnswer() {
        Instant now = Instant.parse("2026-03-02T12:00:00Z");
        assertThat(new Replicated.Resource("r", "RESPONSE_LETTER", "APPROVED", null).isApprovedResponseLetter(now))
                .isTrue();
        assertThat(new Replicated.Resource("r", "RESPONSE_LETTER", "APPROVED", now.plusSeconds(60))
                .isApprovedResponseLetter(now)).isTrue();
        assertThat(new Replicated.Resource("r", "RESPONSE_LETTER", "APPROVED", now).isApprovedResponseLetter(now))
                .isFalse();
        assertThat(new Replicated.Resource("r", "RESPONSE_LETTER", "DRAFT", null).isApprovedResponseLetter(now))
                .isFalse();
        assertThat(new Replicated.Resource("r", "SLIDE_DECK", "APPROVED", null).isApprovedResponseLetter(now))
                .isFalse();
    }

    @Test
    void shouldTreatAnMslMarkedInactiveOrNotActiveAsGoneFromTheDirectory() {
        assertThat(new Replicated.Msl("ada", "onc", "max", "Europe/Berlin", true, "ACTIVE", 1).left()).isFalse();
        assertThat(new Replicated.Msl("ada", "onc", "max", "Europe/Berlin", null, null, 1).left()).isFalse();
        assertThat(new Replicated.Msl("ada", "onc", "max", "Europe/Berlin", false, null, 1).left()).isTrue();
        assertThat(new Replicated.Msl("ada", "onc", "max", "Europe/Berlin", true, "LEFT", 1).left()).isTrue();
    }

    @Test
    void shouldKnowAnErasedKolByItsStatus() {
        assertThat(kol("ERASED", null).erased()).isTrue();
        assertThat(kol("ACTIVE", null).erased()).isFalse();
    }
}
