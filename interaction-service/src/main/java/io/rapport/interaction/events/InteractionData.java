package io.rapport.interaction.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.rapport.interaction.domain.FollowUp;
import io.rapport.interaction.domain.Interaction;
import io.rapport.interaction.domain.MedicalRequest;
import io.rapport.interaction.domain.TransferOfValue;

/**
 * The data of interaction-service's events: each aggregate's state after the change, with everything metrics
 * and disclosure reports are computed from (codes, times, time zone, local date, flags, safety answers,
 * transfers of value) and no free text (objective, outcome, question, answer and descriptions stay here).
 */
public final class InteractionData {

    private InteractionData() {
    }

    public record Transfer(String kind, BigDecimal amount, String currency, String contractReference) {
    }

    public record InteractionState(UUID interactionId, UUID kolId, String mslId, String team, String recordedBy,
            UUID groupId, String channel, String kind, List<String> topics, String therapeuticArea,
            List<String> products, String timeZone, Instant plannedStart, Instant occurredAt, LocalDate localDate,
            Integer durationMinutes, String status, Boolean disclosureMade, Integer feedbackScore,
            Boolean adverseEventMentioned, Boolean productComplaintMentioned, String safetyReportId,
            List<Transfer> transfersOfValue, String capQuarter, boolean capOverridden, String capOverrideReason,
            boolean offPreferenceChannel, boolean overPreferredDuration, long aggregateVersion, Instant changedAt) {

        static InteractionState of(Interaction i) {
            return new InteractionState(i.id(), i.kolId(), i.mslId(), i.team(), i.recordedBy(), i.groupId(),
                    i.channel().name(), i.kind().name(), i.topics(), i.therapeuticArea(), i.products(), i.timeZone(),
                    i.plannedStart(), i.occurredAt(), i.localDate(), i.durationMinutes(), i.status().name(),
                    i.disclosureMade(), i.feedbackScore(), i.adverseEventMentioned(), i.productComplaintMentioned(),
                    i.safetyReportId(), i.transfersOfValue().stream().map(InteractionData::transfer).toList(),
                    // the override's reason is free text typed by the MSL: it stays in this service (topics are kept forever)
                    i.capQuarter(), i.capOverridden(), null,
                    i.offPreferenceChannel(), i.overPreferredDuration(), i.version(), i.updatedAt());
        }
    }

    public record FollowUpState(UUID followUpId, UUID interactionId, UUID medicalRequestId, UUID kolId, String assignee,
            String team, String kind, LocalDate dueDate, String timeZone, String status, Instant completedAt,
            Boolean doneOnTime, long aggregateVersion, Instant changedAt) {

        static FollowUpState of(FollowUp f) {
            return new FollowUpState(f.id(), f.interactionId(), f.medicalRequestId(), f.kolId(), f.assignee(), f.team(),
                    f.kind().name(), f.dueDate(), f.timeZone(), f.status().name(), f.completedAt(),
                    f.status() == FollowUp.Status.OPEN ? null : f.doneOnTime(), f.version(), f.updatedAt());
        }
    }

    public record MedicalRequestState(UUID requestId, UUID kolId, UUID interactionId, String mslId, String team,
            String initiatedBy, String therapeuticArea, List<String> products, boolean offLabel, boolean unsolicited,
            String priority, String responseChannel, boolean adverseEventMentioned, String timeZone, Instant receivedAt,
            LocalDate localDate, Instant dueAt, String status, Instant closedAt, Boolean onTime, UUID answerResourceId,
            String reviewDecision, long aggregateVersion, Instant changedAt) {

        static MedicalRequestState of(MedicalRequest r) {
            return new MedicalRequestState(r.id(), r.kolId(), r.interactionId(), r.mslId(), r.team(),
                    r.initiatedBy().name(), r.therapeuticArea(), r.products(), r.offLabel(), r.unsolicited(),
                    r.priority().name(), r.responseChannel().name(), r.adverseEventMentioned(), r.timeZone(),
                    r.receivedAt(), r.receivedAt().atZone(java.time.ZoneId.of(r.timeZone())).toLocalDate(), r.dueAt(),
                    r.status().name(), r.closedAt(), r.onTime(), r.answerResourceId(),
                    r.reviewDecision() == null ? null : r.reviewDecision().name(), r.version(), r.updatedAt());
        }
    }

    public record SafetyReportDue(UUID followUpId, UUID interactionId, UUID medicalRequestId, UUID kolId, String mslId,
            String team, boolean adverseEvent, boolean productComplaint, LocalDate dueDate, String timeZone,
            long aggregateVersion, Instant changedAt) {
    }

    private static Transfer transfer(TransferOfValue t) {
        // The contract reference is typed by a person and may name one: it stays in interaction-service.
        return new Transfer(t.kind().name(), t.amount(), t.currency(), null);
    }
}
