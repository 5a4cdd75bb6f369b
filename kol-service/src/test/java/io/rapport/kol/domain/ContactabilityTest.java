package io.rapport.kol.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.rapport.kol.domain.DataProtection.Consent;
import io.rapport.kol.domain.DataProtection.LawfulBasis;
import io.rapport.kol.domain.DataProtection.Purpose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether MSLs may contact a KOL, derived from status and rights: every combination of status, do-not-contact,
 * objection, lawful basis and profiling consent, and the channels a contactable KOL allows.
 */
@Tag("unit")
class ContactabilityTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static Consent consent(Consent.Status status) {
        return new Consent(status, AT, "signed form", "DOC-1");
    }

    private static KolRights rights(boolean doNotContact, boolean objected, LawfulBasis basis, Consent.Status profiling) {
        KolRights rights = KolRights.defaults().lawfulBasis(basis);
        if (doNotContact) {
            rights = rights.doNotContact(new DoNotContact(true, "asked by phone", AT));
        }
        if (objected) {
            rights = rights.objected(AT);
        }
        if (profiling != null) {
            rights = rights.consent(Purpose.PROFILING, consent(profiling));
        }
        return rights;
    }

    @Test
    void shouldLetMslsContactANewActiveKolOnEveryChannel() {
        assertThat(Contactability.of(KolStatus.ACTIVE, KolRights.defaults()))
                .isEqualTo(new Contactability(true, null, true, true));
    }

    /** All 96 combinations: the first rule that applies names the reason, and no reason leaves a channel open. */
    @Test
    void shouldDeriveContactabilityFromEveryCombinationOfStatusAndRights() {
        List<Consent.Status> profilings = new ArrayList<>(Arrays.asList(Consent.Status.values()));
        profilings.add(null);
        int combinations = 0;
        for (KolStatus status : KolStatus.values()) {
            for (boolean dnc : new boolean[] { false, true }) {
                for (boolean objected : new boolean[] { false, true }) {
                    for (LawfulBasis basis : LawfulBasis.values()) {
                        for (Consent.Status profiling : profilings) {
                            combinations++;
                            Contactability c = Contactability.of(status, rights(dnc, objected, basis, profiling));
                            String why = status + " dnc=" + dnc + " objected=" + objected + " " + basis + " " + profiling;
                            boolean lawful = basis == LawfulBasis.LEGITIMATE_INTEREST
                                    || profiling == Consent.Status.GRANTED;
                            assertThat(c.contactable()).as(why)
                                    .isEqualTo(status == KolStatus.ACTIVE && !dnc && !objected && lawful);
                            if (status != KolStatus.ACTIVE) {
                                assertThat(c.reason()).as(why).isEqualTo("kol-not-active");
                            } else if (dnc) {
                                assertThat(c.reason()).as(why).isEqualTo("do-not-contact");
                            } else if (objected || !lawful) {
                                assertThat(c.reason()).as(why).isEqualTo("no-lawful-basis");
                            } else {
                                assertThat(c.reason()).as(why).isNull();
                            }
                            if (!c.contactable()) {
                                assertThat(c.emailAllowed() || c.phoneAllowed()).as(why).isFalse();
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(96);
    }

    @Test
    void shouldCloseOnlyTheChannelWhoseConsentWasWithdrawnOrRefused() {
        KolRights noEmail = KolRights.defaults().consent(Purpose.EMAIL_CONTACT, consent(Consent.Status.WITHDRAWN));
        KolRights noPhone = KolRights.defaults().consent(Purpose.PHONE_CONTACT, consent(Consent.Status.REFUSED));
        KolRights both = noEmail.consent(Purpose.PHONE_CONTACT, consent(Consent.Status.WITHDRAWN));
        KolRights granted = KolRights.defaults().consent(Purpose.EMAIL_CONTACT, consent(Consent.Status.GRANTED));

        assertThat(Contactability.of(KolStatus.ACTIVE, noEmail)).isEqualTo(new Contactability(true, null, false, true));
        assertThat(Contactability.of(KolStatus.ACTIVE, noPhone)).isEqualTo(new Contactability(true, null, true, false));
        assertThat(Contactability.of(KolStatus.ACTIVE, both)).isEqualTo(new Contactability(true, null, false, false));
        assertThat(Contactability.of(KolStatus.ACTIVE, granted)).isEqualTo(new Contactability(true, null, true, true));
    }

    @Test
    void shouldMakeAKolUncontactableAgainOnlyUntilTheObjectionIsWithdrawn() {
        KolRights objected = KolRights.defaults().objected(AT);

        assertThat(Contactability.of(KolStatus.ACTIVE, objected).reason()).isEqualTo("no-lawful-basis");
        assertThat(Contactability.of(KolStatus.ACTIVE, objected.objectionWithdrawn()).contactable()).isTrue();
    }

    @Test
    void shouldFollowTheKolsStatusAndRightsOnTheAggregate() {
        Kol kol = KolLifecycleTest.kol(KolStatus.ACTIVE);

        assertThat(kol.contactability().contactable()).isTrue();
        kol.changeRights(kol.rights().doNotContact(new DoNotContact(true, "asked", AT)), "msl-ana");
        assertThat(kol.contactability().reason()).isEqualTo("do-not-contact");
        kol.update(KolLifecycleTest.profile(KolStatus.INACTIVE), "msl-ana");
        assertThat(kol.contactability().reason()).isEqualTo("kol-not-active");
    }
}
