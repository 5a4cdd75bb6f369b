package io.rapport.interaction.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the audit trail compares for each aggregate, and which of its fields are free text (erasable). */
public final class Snapshot {

    /** Free-text fields: scrubbed from the history when the KOL is erased (unless under a legal hold). */
    public static final Set<String> FREE_TEXT = Set.of("objective", "outcome", "cancelReason", "description",
            "question", "answer", "reviewNote", "capOverrideReason", "transfersOfValue");

    private Snapshot() {
    }

    public static Map<String, Object> of(Interaction i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kolId", i.kolId());
        s.put("mslId", i.mslId());
        s.put("team", i.team());
        s.put("groupId", i.groupId());
        s.put("channel", i.channel());
        s.put("kind", i.kind());
        s.put("objective", i.objective());
        s.put("topics", i.topics());
        s.put("therapeuticArea", i.therapeuticArea());
        s.put("products", i.products());
        s.put("timeZone", i.timeZone());
        s.put("plannedStart", i.plannedStart());
        s.put("occurredAt", i.occurredAt());
        s.put("durationMinutes", i.durationMinutes());
        s.put("status", i.status());
        s.put("disclosureMade", i.disclosureMade());
        s.put("outcome", i.outcome());
        s.put("feedbackScore", i.feedbackScore());
        s.put("adverseEventMentioned", i.adverseEventMentioned());
        s.put("productComplaintMentioned", i.productComplaintMentioned());
        s.put("safetyReportId", i.safetyReportId());
        s.put("transfersOfValue", i.transfersOfValue());
        s.put("capOverrideReason", i.capOverrideReason());
        s.put("cancelReason", i.cancelReason());
        s.put("legalBasis", i.legalBasis());
        s.put("capOverrideApprovedBy", i.capOverrideApprovedBy());
        return s;
    }

    public static Map<String, Object> of(FollowUp f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", f.kind());
        s.put("description", f.description());
        s.put("dueDate", f.dueDate());
        s.put("assignee", f.assignee());
        s.put("status", f.status());
        s.put("legalBasis", f.legalBasis());
        return s;
    }

    public static Map<String, Object> of(MedicalRequest r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("question", r.question());
        s.put("offLabel", r.offLabel());
        s.put("unsolicited", r.unsolicited());
        s.put("priority", r.priority());
        s.put("status", r.status());
        s.put("answer", r.answer());
        s.put("answerResourceId", r.answerResourceId());
        s.put("reviewDecision", r.reviewDecision());
        s.put("reviewNote", r.reviewNote());
        s.put("legalBasis", r.legalBasis());
        return s;
    }
}
