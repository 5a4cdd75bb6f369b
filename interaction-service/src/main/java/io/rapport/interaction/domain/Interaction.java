package io.rapport.interaction.domain;

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
 * A contact between an MSL and one KOL. Its state changes only through the methods below; each bumps the
 * version that is the HTTP ETag and the events' {@code aggregateVersion}. The rules that need more than
 * this aggregate (the frequency cap, contactability) are checked by {@link InteractionRules}.
 */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    private UUID id;
    @Column(name = "kol_id")
    private UUID kolId;
    @Column(name = "msl_id")
    private String mslId;
    private String team;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "group_id")
    private UUID groupId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private InteractionKind kind;
    private String objective;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "topics::text", write = "?::text::jsonb")
    private List<String> topics;
    @Column(name = "therapeutic_area")
    private String therapeuticArea;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "products::text", write = "?::text::jsonb")
    private List<String> products;
    @Column(name = "time_zone")
    private String timeZone;
    @Column(name = "planned_start")
    private Instant plannedStart;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "duration_minutes")
    private Integer durationMinutes;
    @Enumerated(EnumType.STRING)
    private InteractionStatus status;
    @Column(name = "disclosure_made")
    private Boolean disclosureMade;
    private String outcome;
    @Column(name = "feedback_score")
    private Integer feedbackScore;
    @Column(name = "adverse_event_mentioned")
    private Boolean adverseEventMentioned;
    @Column(name = "product_complaint_mentioned")
    private Boolean productComplaintMentioned;
    @Column(name = "safety_report_id")
    private String safetyReportId;
    @Column(name = "transfers_of_value")
    @Convert(converter = Transfers.class)
    @ColumnTransformer(read = "transfers_of_value::text", write = "?::text::jsonb")
    private List<TransferOfValue> transfersOfValue;
    @Column(name = "external_ids")
    @Convert(converter = ExternalIds.class)
    @ColumnTransformer(read = "external_ids::text", write = "?::text::jsonb")
    private List<ExternalRef> externalIds;
    @Column(name = "cap_quarter")
    private String capQuarter;
    @Column(name = "cap_override_reason")
    private String capOverrideReason;
    @Column(name = "cap_overridden")
    private boolean capOverridden;
    @Column(name = "off_preference_channel")
    private boolean offPreferenceChannel;
    @Column(name = "over_preferred_duration")
    private boolean overPreferredDuration;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "legal_basis")
    @Enumerated(EnumType.STRING)
    private LegalBasis legalBasis;
    @Column(name = "cap_override_approved_by")
    private String capOverrideApprovedBy;
    @Column(name = "cap_override_approved_at")
    private Instant capOverrideApprovedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Interaction() {
    }

    /** A new interaction, PLANNED, or logged directly as COMPLETED when a completion is given (else null). */
    public static Interaction record(UUID id, InteractionDraft draft, Completion completion, Owner owner) {
        Interaction interaction = new Interaction();
        interaction.id = id;
        interaction.kolId = draft.kolId();
        interaction.mslId = owner.mslId();
        interaction.team = owner.team();
        interaction.recordedBy = owner.recordedBy();
        interaction.timeZone = owner.timeZone();
        interaction.status = InteractionStatus.PLANNED;
        interaction.createdAt = Instant.now();
        interaction.externalIds = draft.externalIds();
        interaction.transfersOfValue = List.of();
        interaction.applyPlan(draft);
        if (completion != null) {
            interaction.applyCompletion(completion);
        }
        interaction.version = 1;
        interaction.updatedAt = interaction.createdAt;
        return interaction;
    }

    /** Changes the plan (all of it may change while PLANNED). */
    public void replan(InteractionDraft draft) {
        applyPlan(draft);
        touch();
    }

    private void applyPlan(InteractionDraft draft) {
        groupId = draft.groupId();
        channel = draft.channel();
        kind = draft.kind();
        objective = draft.objective();
        topics = draft.topics();
        therapeuticArea = draft.therapeuticArea();
        products = draft.products();
        plannedStart = draft.plannedStart();
        durationMinutes = draft.durationMinutes();
        if (!java.util.Objects.equals(capOverrideReason, draft.capOverrideReason())) {
            // an approval covers the reason it was given for, not a new one
            capOverrideApprovedBy = null;
            capOverrideApprovedAt = null;
        }
        capOverrideReason = draft.capOverrideReason();
        if (draft.timeZone() != null) {
            timeZone = draft.timeZone();
        }
    }

    public void complete(Completion completion) {
        applyCompletion(completion);
        touch();
    }

    private void applyCompletion(Completion completion) {
        status = InteractionStatus.COMPLETED;
        occurredAt = completion.occurredAt();
        durationMinutes = completion.durationMinutes();
        outcome = completion.outcome();
        disclosureMade = completion.disclosureMade();
        feedbackScore = completion.feedbackScore();
        adverseEventMentioned = completion.adverseEventMentioned();
        productComplaintMentioned = completion.productComplaintMentioned();
        safetyReportId = completion.safetyReportId();
        transfersOfValue = completion.transfersOfValue();
        if (!completion.topics().isEmpty()) {
            topics = completion.topics();
        }
        completedAt = Instant.now();
    }

    public void cancel(String reason) {
        status = InteractionStatus.CANCELLED;
        cancelReason = reason;
        touch();
    }

    public void noShow() {
        status = InteractionStatus.NO_SHOW;
        touch();
    }

    /** After completion: only what was learned may be corrected, within the amendment window. */
    public void amend(Amendment amendment) {
        outcome = amendment.outcome();
        feedbackScore = amendment.feedbackScore();
        topics = amendment.topics();
        durationMinutes = amendment.durationMinutes();
        occurredAt = amendment.occurredAt();
        touch();
    }

    /**
     * Why it may exist: a safety mention makes it a legal obligation (kept through objections and erasures);
     * otherwise the KOL's own basis at the time it was recorded.
     */
    public void basedOn(LegalBasis kolBasis) {
        legalBasis = underLegalHold() ? LegalBasis.LEGAL_OBLIGATION : kolBasis;
    }

    /** Someone other than who recorded it approved recording it beyond the KOL's cap. */
    public void approveCapOverride(String approver) {
        capOverrideApprovedBy = approver;
        capOverrideApprovedAt = Instant.now();
        touch();
    }

    /** Recorded about a KOL already erased (a legal obligation): kept without the KOL's id from the start. */
    public void pseudonymise(UUID pseudonym) {
        kolId = pseudonym;
    }

    /** Where it counts against the cap, and the flags computed against the KOL's preferences. */
    public void assess(String quarter, boolean overridden, boolean offChannel, boolean overDuration) {
        capQuarter = quarter;
        capOverridden = overridden;
        offPreferenceChannel = offChannel;
        overPreferredDuration = overDuration;
    }

    /** The local date it counts on: when it happened, else when it is planned, in its time zone. */
    public LocalDate localDate() {
        Instant at = occurredAt != null ? occurredAt : plannedStart;
        return at.atZone(ZoneId.of(timeZone)).toLocalDate();
    }

    public boolean safetyReportDue() {
        return (Boolean.TRUE.equals(adverseEventMentioned) || Boolean.TRUE.equals(productComplaintMentioned))
                && safetyReportId == null;
    }

    /** Records under a legal obligation (a safety mention) keep their content through an erasure. */
    public boolean underLegalHold() {
        return Boolean.TRUE.equals(adverseEventMentioned) || Boolean.TRUE.equals(productComplaintMentioned);
    }

    /** GDPR Art. 17 of the KOL: free text goes, unless a legal obligation keeps it (then the KOL is pseudonymised). */
    public void eraseKol(UUID pseudonym) {
        if (underLegalHold()) {
            kolId = pseudonym;
        } else {
            objective = ERASED;
            outcome = outcome == null ? null : ERASED;
            cancelReason = cancelReason == null ? null : ERASED;
            capOverrideReason = capOverrideReason == null ? null : ERASED;
            transfersOfValue = transfersOfValue.stream().map(TransferOfValue::erased).toList();
        }
        updatedAt = Instant.now();
    }

    public static final String ERASED = "[erased]";

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

    public String mslId() {
        return mslId;
    }

    public String team() {
        return team;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public UUID groupId() {
        return groupId;
    }

    public Channel channel() {
        return channel;
    }

    public InteractionKind kind() {
        return kind;
    }

    public String objective() {
        return objective;
    }

    public List<String> topics() {
        return topics;
    }

    public String therapeuticArea() {
        return therapeuticArea;
    }

    public List<String> products() {
        return products;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant plannedStart() {
        return plannedStart;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Integer durationMinutes() {
        return durationMinutes;
    }

    public InteractionStatus status() {
        return status;
    }

    public Boolean disclosureMade() {
        return disclosureMade;
    }

    public String outcome() {
        return outcome;
    }

    public Integer feedbackScore() {
        return feedbackScore;
    }

    public Boolean adverseEventMentioned() {
        return adverseEventMentioned;
    }

    public Boolean productComplaintMentioned() {
        return productComplaintMentioned;
    }

    public String safetyReportId() {
        return safetyReportId;
    }

    public List<TransferOfValue> transfersOfValue() {
        return transfersOfValue;
    }

    public List<ExternalRef> externalIds() {
        return externalIds;
    }

    public String capQuarter() {
        return capQuarter;
    }

    public String capOverrideReason() {
        return capOverrideReason;
    }

    public boolean capOverridden() {
        return capOverridden;
    }

    public boolean offPreferenceChannel() {
        return offPreferenceChannel;
    }

    public boolean overPreferredDuration() {
        return overPreferredDuration;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public String capOverrideApprovedBy() {
        return capOverrideApprovedBy;
    }

    public Instant capOverrideApprovedAt() {
        return capOverrideApprovedAt;
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

    static final class Transfers extends JsonConverter<List<TransferOfValue>> {
        Transfers() {
            super(new TypeReference<List<TransferOfValue>>() {
            });
        }
    }

    static final class ExternalIds extends JsonConverter<List<ExternalRef>> {
        ExternalIds() {
            super(new TypeReference<List<ExternalRef>>() {
            });
        }
    }
}
