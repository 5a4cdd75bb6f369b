package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.rapport.platform.persistence.JsonConverter;

/**
 * A KOL's question the company must answer within an SLA: RECEIVED, then ANSWERED, forwarded to Medical
 * Information or WITHDRAWN. A solicited off-label request is not refused (the evidence must not be lost): it
 * waits in COMPLIANCE_REVIEW until a medical manager decides.
 */
@Entity
@Table(name = "medical_request")
public class MedicalRequest {

    public enum Status {
        RECEIVED,
        COMPLIANCE_REVIEW,
        ANSWERED,
        FORWARDED_TO_MEDICAL_INFORMATION,
        WITHDRAWN
    }

    public enum Priority {
        STANDARD,
        URGENT
    }

    public enum Initiator {
        KOL,
        MSL
    }

    public enum ResponseChannel {
        EMAIL,
        PHONE,
        LETTER,
        IN_PERSON,
        VIDEO
    }

    /** How a compliance review ends. */
    public enum ReviewDecision {
        CLEARED,
        FORWARDED,
        WITHDRAWN
    }

    @Id
    private UUID id;
    @Column(name = "kol_id")
    private UUID kolId;
    @Column(name = "interaction_id")
    private UUID interactionId;
    @Column(name = "msl_id")
    private String mslId;
    private String team;
    private String question;
    @Column(name = "initiated_by")
    @Enumerated(EnumType.STRING)
    private Initiator initiatedBy;
    @Column(name = "therapeutic_area")
    private String therapeuticArea;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "products::text", write = "?::text::jsonb")
    private List<String> products;
    @Column(name = "off_label")
    private boolean offLabel;
    private boolean unsolicited;
    @Column(name = "unsolicited_attested_at")
    private Instant unsolicitedAttestedAt;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    @Column(name = "response_channel")
    @Enumerated(EnumType.STRING)
    private ResponseChannel responseChannel;
    @Column(name = "adverse_event_mentioned")
    private boolean adverseEventMentioned;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String answer;
    @Column(name = "answer_resource_id")
    private UUID answerResourceId;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "review_decision")
    @Enumerated(EnumType.STRING)
    private ReviewDecision reviewDecision;
    @Column(name = "review_note")
    private String reviewNote;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "legal_basis")
    @Enumerated(EnumType.STRING)
    private LegalBasis legalBasis;
    @Column(name = "recorded_by")
    private String recordedBy;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MedicalRequest() {
    }

    /**
     * A new request, received at {@code receivedAt} and due by {@code dueAt} (its service level); the KOL's own
     * basis applies unless the request itself rests on another ({@link #basisOf}).
     */
    public static MedicalRequest receive(RequestDocument document, Owner owner, Instant receivedAt, Instant dueAt,
            LegalBasis kolBasis) {
        MedicalRequest request = new MedicalRequest();
        request.id = UUID.randomUUID();
        request.kolId = document.kolId();
        request.interactionId = document.interactionId();
        request.mslId = owner.mslId();
        request.team = owner.team();
        request.question = document.question();
        request.initiatedBy = document.initiatedBy();
        request.therapeuticArea = document.therapeuticArea();
        request.products = document.products();
        request.offLabel = document.offLabel();
        request.unsolicited = document.unsolicited();
        request.unsolicitedAttestedAt = Boolean.TRUE.equals(document.unsolicitedAttested()) ? Instant.now() : null;
        request.priority = document.priority();
        request.responseChannel = document.responseChannel();
        request.adverseEventMentioned = document.adverseEventMentioned();
        request.timeZone = owner.timeZone();
        request.recordedBy = owner.recordedBy();
        request.legalBasis = basisOf(document, kolBasis);
        request.receivedAt = receivedAt;
        request.dueAt = dueAt;
        // a solicited off-label question is kept, and reviewed, instead of being refused
        request.status = request.offLabel && !request.unsolicited ? Status.COMPLIANCE_REVIEW : Status.RECEIVED;
        request.version = 1;
        request.createdAt = Instant.now();
        request.updatedAt = request.createdAt;
        return request;
    }

    /**
     * A safety mention is a legal obligation; a question the KOL asked unprompted is answered at the KOL's request;
     * anything else rests on the KOL's own basis.
     */
    public static LegalBasis basisOf(RequestDocument document, LegalBasis kolBasis) {
        if (Boolean.TRUE.equals(document.adverseEventMentioned())) {
            return LegalBasis.LEGAL_OBLIGATION;
        }
        if (document.initiatedBy() == Initiator.KOL && Boolean.TRUE.equals(document.unsolicited())) {
            return LegalBasis.KOL_REQUEST;
        }
        return kolBasis;
    }

    /** Received about a KOL already erased (an exception): kept without the KOL's id from the start. */
    public void pseudonymise(UUID pseudonym) {
        kolId = pseudonym;
    }

    /** Who filed or owns it: they may not clear its compliance review. */
    public boolean filedBy(String user) {
        return user.equals(mslId) || user.equals(recordedBy);
    }

    public void answer(String text, UUID resourceId) {
        answer = text;
        answerResourceId = resourceId;
        close(Status.ANSWERED);
    }

    public void forward() {
        close(Status.FORWARDED_TO_MEDICAL_INFORMATION);
    }

    public void withdraw() {
        close(Status.WITHDRAWN);
    }

    public void review(ReviewDecision decision, String note, String reviewer) {
        reviewDecision = decision;
        reviewNote = note;
        reviewedBy = reviewer;
        switch (decision) {
            case CLEARED -> {
                status = Status.RECEIVED;
                touch();
            }
            case FORWARDED -> forward();
            case WITHDRAWN -> withdraw();
        }
    }

    private void close(Status outcome) {
        status = outcome;
        closedAt = Instant.now();
        touch();
    }

    public boolean open() {
        return status == Status.RECEIVED || status == Status.COMPLIANCE_REVIEW;
    }

    public boolean overdue(Instant now) {
        return open() && now.isAfter(dueAt);
    }

    /** Answered or forwarded by the due time. */
    public Boolean onTime() {
        return closedAt == null || status == Status.WITHDRAWN ? null : !closedAt.isAfter(dueAt);
    }

    public void eraseKol(UUID pseudonym) {
        if (adverseEventMentioned) {
            kolId = pseudonym;
        } else {
            question = Interaction.ERASED;
            answer = answer == null ? null : Interaction.ERASED;
            reviewNote = reviewNote == null ? null : Interaction.ERASED;
        }
        updatedAt = Instant.now();
    }

    private void touch() {
        version++;
        updatedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public UUID kolId() {
        return kolId;
    }

    public UUID interactionId() {
        return interactionId;
    }

    public String mslId() {
        return mslId;
    }

    public String team() {
        return team;
    }

    public String question() {
        return question;
    }

    public Initiator initiatedBy() {
        return initiatedBy;
    }

    public String therapeuticArea() {
        return therapeuticArea;
    }

    public List<String> products() {
        return products;
    }

    public boolean offLabel() {
        return offLabel;
    }

    public boolean unsolicited() {
        return unsolicited;
    }

    public Instant unsolicitedAttestedAt() {
        return unsolicitedAttestedAt;
    }

    public Priority priority() {
        return priority;
    }

    public ResponseChannel responseChannel() {
        return responseChannel;
    }

    public boolean adverseEventMentioned() {
        return adverseEventMentioned;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Status status() {
        return status;
    }

    public String answer() {
        return answer;
    }

    public UUID answerResourceId() {
        return answerResourceId;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public ReviewDecision reviewDecision() {
        return reviewDecision;
    }

    public String reviewNote() {
        return reviewNote;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
