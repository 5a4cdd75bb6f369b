package io.rapport.kol.domain;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.kol.domain.DataProtection.Consent;
import io.rapport.kol.domain.DataProtection.LawfulBasis;
import io.rapport.kol.domain.DataProtection.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/** How a KOL's rights change: each request changes its own part only, and an erasure keeps no free text. */
@Tag("unit")
class KolRightsChangesTest {

    private static final Instant FIRST = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-04-01T09:00:00Z");
    private static final Consent GRANTED = new Consent(Consent.Status.GRANTED, FIRST, "congress booth", "FORM-7");

    @Test
    void shouldStartUnderLegitimateInterestWithoutNoticeObjectionConsentsOrDoNotContact() {
        KolRights defaults = KolRights.defaults();

        assertThat(defaults.dataProtection()).isEqualTo(new DataProtection(LawfulBasis.LEGITIMATE_INTEREST, null, null,
                Map.of()));
        assertThat(defaults.doNotContact().active()).isFalse();
        assertThat(defaults.objected()).isFalse();
        assertThat(new KolRights(null, null)).isEqualTo(defaults);
        assertThat(new DataProtection(null, null, null, null).lawfulBasis()).isEqualTo(LawfulBasis.LEGITIMATE_INTEREST);
    }

    @Test
    void shouldKeepTheFirstDateWhenAKolObjectsAgain() {
        KolRights objected = KolRights.defaults().objected(FIRST);

        assertThat(objected.objected(LATER)).isSameAs(objected);
        assertThat(objected.dataProtection().objectedAt()).isEqualTo(FIRST);
        assertThat(objected.objectionWithdrawn().objected()).isFalse();
        assertThat(objected.objectionWithdrawn().objected(LATER).dataProtection().objectedAt()).isEqualTo(LATER);
    }

    @Test
    void shouldChangeOneConsentWithoutTouchingTheOthersOrTheObjection() {
        KolRights rights = KolRights.defaults().objected(FIRST).consent(Purpose.PROFILING, GRANTED)
                .consent(Purpose.EMAIL_CONTACT, GRANTED);

        KolRights withdrawn = rights.consent(Purpose.EMAIL_CONTACT, new Consent(Consent.Status.WITHDRAWN, LATER, null,
                null));

        assertThat(withdrawn.dataProtection().granted(Purpose.PROFILING)).isTrue();
        assertThat(withdrawn.dataProtection().granted(Purpose.EMAIL_CONTACT)).isFalse();
        assertThat(withdrawn.dataProtection().withdrawnOrRefused(Purpose.EMAIL_CONTACT)).isTrue();
        assertThat(withdrawn.dataProtection().withdrawnOrRefused(Purpose.PHONE_CONTACT)).isFalse();
        assertThat(withdrawn.dataProtection().objectedAt()).isEqualTo(FIRST);
        assertThat(rights.dataProtection().granted(Purpose.EMAIL_CONTACT)).as("the original is unchanged").isTrue();
    }

    @Test
    void shouldChangeTheLawfulBasisAndNoticeKeepingConsentsAndObjection() {
        KolRights rights = KolRights.defaults().objected(FIRST).consent(Purpose.PROFILING, GRANTED)
                .doNotContact(new DoNotContact(true, "asked", FIRST));

        KolRights changed = rights.lawfulBasis(LawfulBasis.CONSENT).privacyNoticeSent(LATER);

        assertThat(changed.dataProtection()).isEqualTo(new DataProtection(LawfulBasis.CONSENT, LATER, FIRST,
                Map.of(Purpose.PROFILING, GRANTED)));
        assertThat(changed.doNotContact()).isEqualTo(rights.doNotContact());
    }

    @Test
    void shouldKeepOnlyTheStatesThatKeepAnErasedKolUncontactable() {
        KolRights rights = KolRights.defaults().lawfulBasis(LawfulBasis.CONSENT).privacyNoticeSent(FIRST)
                .objected(FIRST).consent(Purpose.PROFILING, GRANTED)
                .doNotContact(new DoNotContact(true, "Dr. Roe asked by phone", FIRST));

        KolRights erased = rights.erased();

        assertThat(erased.dataProtection()).isEqualTo(new DataProtection(LawfulBasis.CONSENT, null, FIRST, Map.of()));
        assertThat(erased.doNotContact()).isEqualTo(new DoNotContact(true, null, null));
        assertThat(Contactability.of(KolStatus.ACTIVE, erased).contactable()).isFalse();
    }

    @Test
    void shouldBumpTheVersionOnlyWhenARightsRequestChangesSomething() {
        Kol kol = KolLifecycleTest.kol(KolStatus.ACTIVE);
        long version = kol.version();

        assertThat(kol.changeRights(kol.rights(), "msl-ana")).isFalse();
        assertThat(kol.version()).isEqualTo(version);
        assertThat(kol.changeRights(kol.rights().objected(FIRST), "msl-ana")).isTrue();
        assertThat(kol.version()).isEqualTo(version + 1);
        assertThat(kol.changeRights(kol.rights().objected(LATER), "msl-ana")).isFalse();
        assertThat(kol.updatedBy()).isEqualTo("msl-ana");
    }

    @Test
    void shouldNeverLetAProfileWriteReachTheRights() {
        Kol kol = KolLifecycleTest.kol(KolStatus.ACTIVE);
        kol.changeRights(kol.rights().objected(FIRST), "msl-ana");
        KolRights before = kol.rights();

        kol.update(KolLifecycleTest.profile(KolStatus.INACTIVE), "crm");

        assertThat(kol.rights()).isEqualTo(before);
    }
}
