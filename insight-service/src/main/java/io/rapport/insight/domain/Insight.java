package io.rapport.insight.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

import com.fasterxml.jackson.core.type.TypeReference;

import io.rapport.platform.persistence.JsonConverter;

/**
 * Something learned from a KOL that matters to medical strategy. The author drafts it; a medical manager
 * validates and records what was done with it, or rejects it with a reason (then the author may rework it).
 */
@Entity
@Table(name = "insight")
public class Insight {

    public static final String ERASED = "[erased]";

    @Id
    private UUID id;
    private String author;
    private String team;
    @Column(name = "kol_id")
    private UUID kolId;
    @Column(name = "interaction_id")
    private UUID interactionId;
    @Column(name = "therapeutic_area")
    private String therapeuticArea;
    private String product;
    @Enumerated(EnumType.STRING)
    private InsightDocument.Category category;
    private String title;
    private String text;
    @Convert(converter = EvidenceList.class)
    @ColumnTransformer(read = "evidence::text", write = "?::text::jsonb")
    private List<Evidence> evidence;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "tags::text", write = "?::text::jsonb")
    private List<String> tags;
    @Enumerated(EnumType.STRING)
    private InsightDocument.Sentiment sentiment;
    @Column(name = "adverse_event_mentioned")
    private boolean adverseEventMentioned;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    private LegalBasis legalBasis;
    @Column(name = "safety_report_due")
    private LocalDate safetyReportDue;
    @Column(name = "safety_report_id")
    private String safetyReportId;
    @Column(name = "safety_reported_at")
    private Instant safetyReportedAt;
    @Enumerated(EnumType.STRING)
    private InsightStatus status;
    private int endorsements;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "action_taken")
    private String actionTaken;
    @Column(name = "curated_by")
    private String curatedBy;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "validated_at")
    private Instant validatedAt;
    @Column(name = "actioned_at")
    private Instant actionedAt;
    @Column(name = "rejected_at")
    private Instant rejectedAt;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Insight() {
    }

    public static Insight draft(InsightDocument document, String author, String team, String timeZone,
            LocalDate safetyReportDue) {
        Insight insight = new Insight();
        insight.id = UUID.randomUUID();
        insight.author = author;
        insight.team = team;
        insight.timeZone = timeZone;
        insight.status = InsightStatus.DRAFT;
        insight.createdAt = Instant.now();
        insight.apply(document);
        insight.safetyReportDue = document.adverseEventMentioned() ? safetyReportDue : null;
        insight.version = 1;
        insight.updatedAt = insight.createdAt;
        return insight;
    }

    public void edit(InsightDocument document) {
        apply(document);
        touch();
    }

    private void apply(InsightDocument document) {
        kolId = document.kolId();
        interactionId = document.interactionId();
        therapeuticArea = document.therapeuticArea();
        product = document.product();
        category = document.category();
        title = document.title();
        text = document.text();
        evidence = document.evidence();
        tags = document.tags();
        sentiment = document.sentiment();
        adverseEventMentioned = document.adverseEventMentioned();
        // An adverse event heard must reach Drug Safety and be kept: the law, not the KOL's consent, is its basis.
        legalBasis = adverseEventMentioned ? LegalBasis.LEGAL_OBLIGATION : null;
    }

    /** The legal obligation a new insight about {@code document}'s KOL would be kept under, or null. */
    public static LegalBasis legalBasisOf(InsightDocument document) {
        return document.adverseEventMentioned() ? LegalBasis.LEGAL_OBLIGATION : null;
    }

    /**
     * Written about a KOL who was erased, under a legal obligation: kept, but naming the KOL only by the
     * pseudonym an erasure gives them.
     */
    public void pseudonymiseKol(UUID pseudonym) {
        kolId = pseudonym;
    }

    public void submit() {
        status = InsightStatus.SUBMITTED;
        submittedAt = Instant.now();
        rejectionReason = null;
        touch();
    }

    public void validate(String manager) {
        status = InsightStatus.VALIDATED;
        validatedAt = Instant.now();
        curatedBy = manager;
        touch();
    }

    public void reject(String reason, String manager) {
        status = InsightStatus.REJECTED;
        rejectedAt = Instant.now();
        rejectionReason = reason;
        curatedBy = manager;
        touch();
    }

    public void action(String taken, String manager) {
        status = InsightStatus.ACTIONED;
        actionedAt = Instant.now();
        actionTaken = taken;
        curatedBy = manager;
        touch();
    }

    public void rework() {
        status = InsightStatus.DRAFT;
        touch();
    }

    public void endorse() {
        endorsements++;
        touch();
    }

    /** The adverse event mentioned was forwarded to Drug Safety. */
    public void reportedToSafety(String reportId) {
        safetyReportId = reportId;
        safetyReportedAt = Instant.now();
        touch();
    }

    public boolean safetyReportedOnTime() {
        return safetyReportedAt != null && !safetyReportedAt.atZone(ZoneId.of(timeZone)).toLocalDate().isAfter(safetyReportDue);
    }

    /**
     * GDPR Art. 17 of the KOL: the reference is cut and every free text erased (the evidence keeps its kinds, so
     * the insight still counts the same), unless a legal obligation keeps it: then only the KOL is pseudonymised.
     *
     * @return whether the insight is held under its legal basis
     */
    public boolean eraseKol(UUID pseudonym) {
        updatedAt = Instant.now();
        if (held()) {
            kolId = pseudonym;
            return true;
        }
        kolId = null;
        title = ERASED;
        text = ERASED;
        evidence = evidence == null ? List.of() : evidence.stream().map(e -> new Evidence(e.type(), ERASED)).toList();
        actionTaken = actionTaken == null ? null : ERASED;
        rejectionReason = rejectionReason == null ? null : ERASED;
        return false;
    }

    /** Kept through an erasure because the law requires it. */
    public boolean held() {
        return legalBasis != null;
    }

    private void touch() {
        version++;
        updatedAt = Instant.now();
    }

    public InsightDocument document() {
        return new InsightDocument(kolId, interactionId, therapeuticArea, product, category, title, text, evidence, tags,
                sentiment, adverseEventMentioned);
    }

    public UUID id() {
        return id;
    }

    public String author() {
        return author;
    }

    public String team() {
        return team;
    }

    public UUID kolId() {
        return kolId;
    }

    public UUID interactionId() {
        return interactionId;
    }

    public String therapeuticArea() {
        return therapeuticArea;
    }

    public String product() {
        return product;
    }

    public InsightDocument.Category category() {
        return category;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    public List<String> tags() {
        return tags;
    }

    public InsightDocument.Sentiment sentiment() {
        return sentiment;
    }

    public boolean adverseEventMentioned() {
        return adverseEventMentioned;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public LocalDate safetyReportDue() {
        return safetyReportDue;
    }

    public String safetyReportId() {
        return safetyReportId;
    }

    public Instant safetyReportedAt() {
        return safetyReportedAt;
    }

    public InsightStatus status() {
        return status;
    }

    public int endorsements() {
        return endorsements;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public String actionTaken() {
        return actionTaken;
    }

    public String curatedBy() {
        return curatedBy;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant validatedAt() {
        return validatedAt;
    }

    public Instant actionedAt() {
        return actionedAt;
    }

    public Instant rejectedAt() {
        return rejectedAt;
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

    static final class EvidenceList extends JsonConverter<List<Evidence>> {
        EvidenceList() {
            super(new TypeReference<List<Evidence>>() {
            });
        }
    }
}
