package io.rapport.interaction.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.interaction.domain.Completion;
import io.rapport.interaction.domain.MedicalRequest;
import io.rapport.interaction.domain.TransferOfValue;

/** The small request bodies of the action endpoints. */
public final class Bodies {

    private Bodies() {
    }

    /** Completing: the rules say which of these are required (422 naming the missing ones). */
    public record CompletionRequest(
            Instant occurredAt,
            @Min(1) @Max(1440) Integer durationMinutes,
            @Size(max = 4000) String outcome,
            Boolean disclosureMade,
            @Min(1) @Max(5) Integer feedbackScore,
            Boolean adverseEventMentioned,
            Boolean productComplaintMentioned,
            @Size(max = 100) String safetyReportId,
            @Size(max = 20) List<@NotNull @Valid TransferOfValue> transfersOfValue,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "a lower-case keyword") String> topics) {

        Completion completion() {
            return new Completion(occurredAt, durationMinutes, outcome, disclosureMade, feedbackScore,
                    adverseEventMentioned, productComplaintMentioned, safetyReportId, transfersOfValue, topics);
        }
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    public record FollowUpRequest(
            @NotBlank @Size(max = 2000) String description,
            @NotNull LocalDate dueDate,
            @Size(min = 1, max = 100) String assignee) {
    }

    public record AnswerRequest(@Size(max = 4000) String answer, UUID resourceId) {
    }

    public record ReviewRequest(@NotNull MedicalRequest.ReviewDecision decision, @Size(max = 2000) String note) {
    }
}
