package io.rapport.insight.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.rapport.insight.domain.Insight;
import io.rapport.insight.domain.Resource;
import io.rapport.insight.domain.Share;

/**
 * The data of insight-service's events: codes, tags, flags and times, never titles or insight text (the log
 * is kept forever; a consumer that needs text asks this service).
 */
public final class InsightData {

    private InsightData() {
    }

    public record InsightState(UUID insightId, String author, String team, UUID kolId, UUID interactionId,
            String therapeuticArea, String product, String category, List<String> tags, String sentiment,
            int evidenceCount, boolean adverseEventMentioned, String status, int endorsements, String curatedBy,
            String timeZone, Instant createdAt, Instant submittedAt, Instant validatedAt, Instant actionedAt,
            Instant rejectedAt, LocalDate localDate, long aggregateVersion, Instant changedAt) {

        static InsightState of(Insight i) {
            return new InsightState(i.id(), i.author(), i.team(), i.kolId(), i.interactionId(), i.therapeuticArea(),
                    i.product(), i.category().name(), i.tags(), i.sentiment() == null ? null : i.sentiment().name(),
                    i.evidence().size(), i.adverseEventMentioned(), i.status().name(), i.endorsements(), i.curatedBy(),
                    i.timeZone(), i.createdAt(), i.submittedAt(), i.validatedAt(), i.actionedAt(), i.rejectedAt(),
                    i.updatedAt().atZone(java.time.ZoneId.of(i.timeZone())).toLocalDate(), i.version(), i.updatedAt());
        }
    }

    public record ResourceState(UUID resourceId, String type, String status, String usage, List<String> therapeuticAreas,
            List<String> products, List<String> tags, List<String> markets, String mlrApprovalId, Instant approvedAt,
            Instant expiresAt, long aggregateVersion, Instant changedAt) {

        static ResourceState of(Resource r) {
            return new ResourceState(r.id(), r.type().name(), r.status().name(), r.usage().name(), r.therapeuticAreas(),
                    r.products(), r.tags(), r.markets(), r.mlrApprovalId(), r.approvedAt(), r.expiresAt(), r.version(),
                    r.updatedAt());
        }
    }

    public record Shared(UUID shareId, UUID resourceId, String resourceType, String usage, List<String> therapeuticAreas,
            UUID kolId, String mslId, String team, UUID interactionId, UUID medicalRequestId, String channel,
            String timeZone, Instant sharedAt, LocalDate localDate, long aggregateVersion, Instant changedAt) {

        static Shared of(Share s, Resource r) {
            return new Shared(s.id(), r.id(), r.type().name(), r.usage().name(), r.therapeuticAreas(), s.kolId(),
                    s.mslId(), s.team(), s.interactionId(), s.medicalRequestId(), s.channel().name(), s.timeZone(),
                    s.sharedAt(), s.localDate(), 1, s.sharedAt());
        }
    }

    public record Safety(UUID insightId, UUID kolId, String mslId, String team, LocalDate dueDate, String timeZone,
            String safetyReportId, Instant reportedAt, Boolean onTime, long aggregateVersion, Instant changedAt) {

        static Safety of(Insight i) {
            return new Safety(i.id(), i.kolId(), i.author(), i.team(), i.safetyReportDue(), i.timeZone(),
                    i.safetyReportId(), i.safetyReportedAt(), i.safetyReportedAt() == null ? null : i.safetyReportedOnTime(),
                    i.version(), i.updatedAt());
        }
    }
}
