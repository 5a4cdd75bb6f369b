package io.rapport.insight.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.insight.domain.Evidence;
import io.rapport.insight.domain.Insight;
import io.rapport.insight.domain.InsightDocument;
import io.rapport.insight.domain.InsightStatus;
import io.rapport.insight.domain.LegalBasis;

/** An insight as the API shows it. */
@Schema(name = "Insight")
public record InsightView(UUID id, String author, String team, UUID kolId, UUID interactionId, String therapeuticArea,
        String product, InsightDocument.Category category, String title, String text, List<Evidence> evidence,
        List<String> tags, InsightDocument.Sentiment sentiment, boolean adverseEventMentioned,
        @Schema(description = "The legal obligation the insight is kept under whatever the KOL's rights "
                + "(LEGAL_OBLIGATION when an adverse event is mentioned); absent otherwise") LegalBasis legalBasis,
        @Schema(description = "When an adverse event is mentioned: Drug Safety must have it by this local date") LocalDate safetyReportDue,
        String safetyReportId, InsightStatus status,
        @Schema(description = "What may be done next") List<String> allowedActions,
        @Schema(description = "MSLs who heard the same thing") int endorsements, String rejectionReason,
        String actionTaken, String curatedBy, String timeZone, Instant submittedAt, Instant validatedAt,
        Instant actionedAt, Instant rejectedAt, long version, Instant createdAt, Instant updatedAt) {

    static InsightView from(Insight i) {
        return new InsightView(i.id(), i.author(), i.team(), i.kolId(), i.interactionId(), i.therapeuticArea(),
                i.product(), i.category(), i.title(), i.text(), i.evidence(), i.tags(), i.sentiment(),
                i.adverseEventMentioned(), i.legalBasis(), i.safetyReportDue(), i.safetyReportId(), i.status(),
                i.status().actions(),
                i.endorsements(), i.rejectionReason(), i.actionTaken(), i.curatedBy(), i.timeZone(), i.submittedAt(),
                i.validatedAt(), i.actionedAt(), i.rejectedAt(), i.version(), i.createdAt(), i.updatedAt());
    }
}
