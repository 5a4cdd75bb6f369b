package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;

/** What completing an interaction records: when, how long, what came of it, and the compliance answers. */
public record Completion(Instant occurredAt, Integer durationMinutes, String outcome, Boolean disclosureMade,
        Integer feedbackScore, Boolean adverseEventMentioned, Boolean productComplaintMentioned, String safetyReportId,
        List<TransferOfValue> transfersOfValue, List<String> topics) {

    public Completion {
        transfersOfValue = transfersOfValue == null ? List.of() : List.copyOf(transfersOfValue);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
