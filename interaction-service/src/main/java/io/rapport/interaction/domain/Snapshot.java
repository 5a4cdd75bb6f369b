package io.rapport.interaction.domain;

import java.util.Map;
import java.util.Set;

import io.rapport.platform.audit.AuditShape;

/** What the audit trail compares for each aggregate, and which of its fields are free text (erasable). */
public final class Snapshot {

    static final AuditShape<Interaction> INTERACTION = AuditShape.of(Interaction.class)
            .field("kolId", Interaction::kolId)
            .field("mslId", Interaction::mslId)
            .field("team", Interaction::team)
            .field("groupId", Interaction::groupId)
            .field("channel", Interaction::channel)
            .field("kind", Interaction::kind)
            .text("objective", Interaction::objective)
            .field("topics", Interaction::topics)
            .field("therapeuticArea", Interaction::therapeuticArea)
            .field("products", Interaction::products)
            .field("timeZone", Interaction::timeZone)
            .field("plannedStart", Interaction::plannedStart)
            .field("occurredAt", Interaction::occurredAt)
            .field("durationMinutes", Interaction::durationMinutes)
            .field("status", Interaction::status)
            .field("disclosureMade", Interaction::disclosureMade)
            .text("outcome", Interaction::outcome)
            .field("feedbackScore", Interaction::feedbackScore)
            .field("adverseEventMentioned", Interaction::adverseEventMentioned)
            .field("productComplaintMentioned", Interaction::productComplaintMentioned)
            .field("safetyReportId", Interaction::safetyReportId)
            // a transfer of value names a contract: typed text
            .text("transfersOfValue", Interaction::transfersOfValue)
            .text("capOverrideReason", Interaction::capOverrideReason)
            .text("cancelReason", Interaction::cancelReason)
            .field("legalBasis", Interaction::legalBasis)
            .field("capOverrideApprovedBy", Interaction::capOverrideApprovedBy)
            .build();

    static final AuditShape<FollowUp> FOLLOW_UP = AuditShape.of(FollowUp.class)
            .field("kind", FollowUp::kind)
            .text("description", FollowUp::description)
            .field("dueDate", FollowUp::dueDate)
            .field("assignee", FollowUp::assignee)
            .field("status", FollowUp::status)
            .field("legalBasis", FollowUp::legalBasis)
            .build();

    static final AuditShape<MedicalRequest> MEDICAL_REQUEST = AuditShape.of(MedicalRequest.class)
            .text("question", MedicalRequest::question)
            .field("offLabel", MedicalRequest::offLabel)
            .field("unsolicited", MedicalRequest::unsolicited)
            .field("priority", MedicalRequest::priority)
            .field("status", MedicalRequest::status)
            .text("answer", MedicalRequest::answer)
            .field("answerResourceId", MedicalRequest::answerResourceId)
            .field("reviewDecision", MedicalRequest::reviewDecision)
            .text("reviewNote", MedicalRequest::reviewNote)
            .field("legalBasis", MedicalRequest::legalBasis)
            .build();

    /** Free-text fields: scrubbed from the history when the KOL is erased (unless under a legal hold). */
    public static final Set<String> FREE_TEXT = AuditShape.freeTextOf(INTERACTION, FOLLOW_UP, MEDICAL_REQUEST);

    private Snapshot() {
    }

    public static Map<String, Object> of(Interaction i) {
        return INTERACTION.snapshot(i);
    }

    public static Map<String, Object> of(FollowUp f) {
        return FOLLOW_UP.snapshot(f);
    }

    public static Map<String, Object> of(MedicalRequest r) {
        return MEDICAL_REQUEST.snapshot(r);
    }
}
