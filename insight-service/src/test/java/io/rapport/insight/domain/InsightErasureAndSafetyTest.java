package io.rapport.insight.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.rapport.insight.domain.StandIns.ANA;
import static io.rapport.insight.domain.StandIns.draftBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules an insight and a share carry themselves: an adverse event is a legal obligation (reported to Drug
 * Safety by a due date, kept through a KOL's erasure with the KOL pseudonymised); anything else loses its KOL and
 * its free text when the KOL is erased.
 */
@Tag("unit")
class InsightErasureAndSafetyTest {

    private static final UUID KOL = UUID.randomUUID();
    private static final UUID PSEUDONYM = UUID.randomUUID();

    private static InsightDocument about(UUID kol, boolean adverseEvent) {
        InsightDocument d = StandIns.document(adverseEvent);
        return new InsightDocument(kol, d.interactionId(), d.therapeuticArea(), d.product(), d.category(), d.title(),
                d.text(), d.evidence(), d.tags(), d.sentiment(), d.adverseEventMentioned());
    }

    @Test
    void shouldKeepAnAdverseEventUnderTheLegalObligationWithItsSafetyReportDueDate() {
        LocalDate due = LocalDate.of(2026, 12, 4);

        Insight adverse = Insight.draft(about(KOL, true), ANA, "onc", "Europe/Berlin", due);
        Insight plain = Insight.draft(about(KOL, false), ANA, "onc", "Europe/Berlin", due);

        assertThat(adverse.legalBasis()).isEqualTo(LegalBasis.LEGAL_OBLIGATION);
        assertThat(adverse.held()).isTrue();
        assertThat(adverse.safetyReportDue()).isEqualTo(due);
        assertThat(Insight.legalBasisOf(about(KOL, true))).isEqualTo(LegalBasis.LEGAL_OBLIGATION);
        assertThat(plain.legalBasis()).isNull();
        assertThat(plain.held()).isFalse();
        assertThat(plain.safetyReportDue()).isNull();
        assertThat(Insight.legalBasisOf(about(KOL, false))).isNull();
    }

    @Test
    void shouldDropTheLegalObligationWhenTheAuthorCorrectsThatNoAdverseEventWasMentioned() {
        Insight insight = Insight.draft(about(KOL, true), ANA, "onc", "Europe/Berlin", LocalDate.of(2026, 12, 4));

        insight.edit(about(KOL, false));

        assertThat(insight.held()).isFalse();
        assertThat(insight.version()).isEqualTo(2);
    }

    @Test
    void shouldCallASafetyReportOnTimeUntilTheEndOfTheDueDayInTheAuthorsTimeZone() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Insight onTime = draftBy(ANA, true, today.plusDays(1));
        Insight late = draftBy(ANA, true, today.minusDays(1));
        Insight unreported = draftBy(ANA, true, today.plusDays(1));

        onTime.reportedToSafety("DS-1");
        late.reportedToSafety("DS-2");

        assertThat(onTime.safetyReportedOnTime()).isTrue();
        assertThat(onTime.safetyReportId()).isEqualTo("DS-1");
        assertThat(late.safetyReportedOnTime()).isFalse();
        assertThat(unreported.safetyReportedOnTime()).isFalse();
    }

    @Test
    void shouldEraseTheKolAndEveryFreeTextOfAnInsightNotHeldByLaw() {
        Insight insight = Insight.draft(about(KOL, false), ANA, "onc", "Europe/Berlin", null);
        insight.submit();
        insight.reject("Heard it from one centre only", "mgr-mia");

        boolean held = insight.eraseKol(PSEUDONYM);

        assertThat(held).isFalse();
        assertThat(insight.kolId()).isNull();
        assertThat(List.of(insight.title(), insight.text(), insight.rejectionReason())).containsOnly(Insight.ERASED);
        assertThat(insight.actionTaken()).isNull();
        // the evidence keeps its kinds, so the insight still counts the same
        assertThat(insight.evidence()).containsExactly(new Evidence(Evidence.Type.PMID, Insight.ERASED));
        assertThat(insight.category()).isEqualTo(InsightDocument.Category.UNMET_NEED);
        assertThat(insight.status()).isEqualTo(InsightStatus.REJECTED);
    }

    @Test
    void shouldKeepAnAdverseEventThroughAnErasureNamingTheKolByPseudonym() {
        Insight insight = Insight.draft(about(KOL, true), ANA, "onc", "Europe/Berlin", LocalDate.of(2026, 12, 4));

        boolean held = insight.eraseKol(PSEUDONYM);

        assertThat(held).isTrue();
        assertThat(insight.kolId()).isEqualTo(PSEUDONYM);
        assertThat(insight.title()).isEqualTo("Access to testing");
        assertThat(insight.evidence()).containsExactly(new Evidence(Evidence.Type.PMID, "12345678"));
    }

    @Test
    void shouldCutTheKolOfAShareUnlessItAnsweredTheKolsOwnRequest() {
        Share proactive = new Share(UUID.randomUUID(), KOL, ANA, "onc", null, null, Share.Channel.EMAIL,
                "Europe/Berlin", null);
        Share answer = new Share(UUID.randomUUID(), KOL, ANA, "onc", null, UUID.randomUUID(), Share.Channel.EMAIL,
                "Europe/Berlin", LegalBasis.KOL_REQUEST);

        assertThat(proactive.eraseKol(PSEUDONYM)).isFalse();
        assertThat(proactive.kolId()).isNull();
        assertThat(answer.eraseKol(PSEUDONYM)).isTrue();
        assertThat(answer.kolId()).isEqualTo(PSEUDONYM);
    }
}
