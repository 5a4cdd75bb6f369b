package io.rapport.metrics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What metrics-service reads from each event (tolerant views of docs/events/asyncapi.yaml): unknown fields
 * are ignored; a field it needs is required, or the event goes to the dead-letter topic. Names that reach SQL
 * arrays and metric names are {@link Plain}.
 */
public final class Facts {

    private Facts() {
    }

    public record Interaction(@NotNull UUID interactionId, @NotNull UUID kolId, @Plain @NotBlank String mslId,
            @Plain @NotBlank String team, @Plain @NotBlank String channel, @Plain String therapeuticArea,
            Instant plannedStart, @NotNull LocalDate localDate, Integer durationMinutes, @NotBlank String status,
            Integer feedbackScore, Boolean adverseEventMentioned, Boolean productComplaintMentioned,
            String safetyReportId, List<@Valid TransferOfValue> transfersOfValue, boolean capOverridden,
            boolean offPreferenceChannel, boolean overPreferredDuration, @NotNull Long aggregateVersion) {
    }

    public record TransferOfValue(@Plain @NotBlank String kind, @NotNull BigDecimal amount,
            @Plain @NotBlank String currency) {
    }

    public record FollowUp(@NotNull UUID followUpId, UUID kolId, @Plain @NotBlank String assignee,
            @Plain @NotBlank String team, @Plain @NotBlank String kind, @NotNull LocalDate dueDate,
            @NotBlank String status, Boolean doneOnTime, @NotNull Long aggregateVersion) {
    }

    /** interaction-service's rapport.safety.report-due.v1 (a SAFETY_REPORT follow-up was opened). */
    public record SafetyReportDue(@NotNull UUID followUpId, UUID kolId, @Plain @NotBlank String mslId,
            @Plain @NotBlank String team, @NotNull LocalDate dueDate, @NotNull Long aggregateVersion) {
    }

    public record MedicalRequest(@NotNull UUID requestId, @NotNull UUID kolId, @Plain @NotBlank String mslId,
            @Plain @NotBlank String team, @Plain String therapeuticArea, boolean offLabel,
            @NotBlank String timeZone, @NotNull Instant receivedAt, @NotNull LocalDate localDate,
            @NotBlank String status, Instant closedAt, Boolean onTime, String reviewDecision,
            @NotNull Long aggregateVersion) {
    }

    public record Insight(@NotNull UUID insightId, @Plain @NotBlank String author, @Plain @NotBlank String team,
            UUID kolId, @Plain String therapeuticArea, @NotBlank String status, @NotBlank String timeZone,
            Instant submittedAt, Instant validatedAt, Instant actionedAt, Instant rejectedAt,
            @NotNull Long aggregateVersion) {
    }

    /** insight-service's safety-report-due and safety-reported events of an insight. */
    public record InsightSafety(@NotNull UUID insightId, UUID kolId, @Plain @NotBlank String mslId,
            @Plain @NotBlank String team, @NotNull LocalDate dueDate, Boolean onTime, @NotNull Long aggregateVersion) {
    }

    public record Share(@NotNull UUID shareId, UUID kolId, @Plain @NotBlank String mslId, @Plain @NotBlank String team,
            List<@Plain String> therapeuticAreas, @NotNull LocalDate localDate, @NotNull Long aggregateVersion) {
    }

    public record Kol(@NotNull UUID kolId, @NotBlank String status, Integer tier, @Plain String country,
            List<@Plain String> therapeuticAreas, List<@Plain String> assignedMsls,
            Boolean conflictsOfInterestDeclared, @NotNull Long aggregateVersion) {

        public List<String> areas() {
            return therapeuticAreas == null ? List.of() : therapeuticAreas;
        }

        public List<String> msls() {
            return assignedMsls == null ? List.of() : assignedMsls;
        }
    }

    public record KolErased(@NotNull UUID kolId, @NotNull Long aggregateVersion) {
    }
}
