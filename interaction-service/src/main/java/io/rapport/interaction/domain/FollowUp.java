package io.rapport.interaction.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An action promised to a KOL (or owed to Drug Safety), due on a local date: OPEN, then DONE or DROPPED. */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    public enum Kind {
        GENERAL,
        SAFETY_REPORT
    }

    public enum Status {
        OPEN,
        DONE,
        DROPPED
    }

    @Id
    private UUID id;
    @Column(name = "interaction_id")
    private UUID interactionId;
    @Column(name = "medical_request_id")
    private UUID medicalRequestId;
    @Column(name = "kol_id")
    private UUID kolId;
    private String assignee;
    private String team;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String description;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "time_zone")
    private String timeZone;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "legal_basis")
    @Enumerated(EnumType.STRING)
    private LegalBasis legalBasis;
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected FollowUp() {
    }

    /** What a follow-up follows up: the KOL, and the interaction or the medical request it came from (the other null). */
    public record Origin(UUID kolId, UUID interactionId, UUID medicalRequestId) {
    }

    /** What is promised and by whom: an action due on a local date in its time zone, owed by an MSL of a team. */
    public record Promise(String description, LocalDate dueDate, String timeZone, String assignee, String team) {
    }

    public static FollowUp open(Kind kind, Origin origin, Promise promise, LegalBasis kolBasis) {
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.kind = kind;
        followUp.interactionId = origin.interactionId();
        followUp.medicalRequestId = origin.medicalRequestId();
        followUp.kolId = origin.kolId();
        followUp.assignee = promise.assignee();
        followUp.team = promise.team();
        followUp.description = promise.description();
        followUp.dueDate = promise.dueDate();
        followUp.timeZone = promise.timeZone();
        followUp.status = Status.OPEN;
        // what Drug Safety is owed is a legal obligation; a promise to the KOL rests on the KOL's own basis
        followUp.legalBasis = kind == Kind.SAFETY_REPORT ? LegalBasis.LEGAL_OBLIGATION : kolBasis;
        followUp.version = 1;
        followUp.createdAt = Instant.now();
        followUp.updatedAt = followUp.createdAt;
        return followUp;
    }

    /** One change (one new version): what is promised, by when, by whom, and whether it is closed now. */
    public void change(String newDescription, LocalDate newDueDate, String newAssignee, String newTeam, Status newStatus) {
        description = newDescription;
        dueDate = newDueDate;
        assignee = newAssignee;
        team = newTeam;
        if (newStatus != Status.OPEN) {
            status = newStatus;
            completedAt = Instant.now();
        }
        touch();
    }

    /** Open past its due date, in its own time zone. */
    public boolean overdue(Instant now) {
        return status == Status.OPEN && now.atZone(ZoneId.of(timeZone)).toLocalDate().isAfter(dueDate);
    }

    /** Done no later than the due date, local time. */
    public boolean doneOnTime() {
        return status == Status.DONE && !completedAt.atZone(ZoneId.of(timeZone)).toLocalDate().isAfter(dueDate);
    }

    public void eraseKol(UUID pseudonym) {
        if (kind == Kind.SAFETY_REPORT) {
            kolId = pseudonym;
        } else {
            description = Interaction.ERASED;
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

    public UUID interactionId() {
        return interactionId;
    }

    public UUID medicalRequestId() {
        return medicalRequestId;
    }

    public UUID kolId() {
        return kolId;
    }

    public String assignee() {
        return assignee;
    }

    public String team() {
        return team;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String timeZone() {
        return timeZone;
    }

    public Status status() {
        return status;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
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
