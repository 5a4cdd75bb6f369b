package io.rapport.interaction.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.interaction.domain.InteractionEvents.FollowUpChange;
import io.rapport.interaction.persistence.FollowUpRepository;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Visibility;
import io.rapport.platform.time.BusinessDays;
import io.smallrye.mutiny.Uni;

/** Follow-ups: promised to a KOL in an interaction, or owed to Drug Safety after a safety mention. */
@ApplicationScoped
public class FollowUpService {

    static final String SAFETY_DESCRIPTION = "Forward the adverse event / product complaint mentioned to Drug Safety";

    private final FollowUpRepository followUps;
    private final InteractionRepository interactions;
    private final Directory directory;
    private final Visibility visibility;
    private final InteractionEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final WriteAccess access;
    private final Lookups lookups;

    public FollowUpService(FollowUpRepository followUps, InteractionRepository interactions, Directory directory,
            Visibility visibility, InteractionEvents events, AuditTrail audit, Caller caller, WriteAccess access,
            Lookups lookups) {
        this.followUps = followUps;
        this.interactions = interactions;
        this.directory = directory;
        this.visibility = visibility;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.access = access;
        this.lookups = lookups;
    }

    /** The editable part of a follow-up: a promised action, due on a local date, owned by an MSL. */
    public record Plan(String description, LocalDate dueDate, String assignee) {

        /** The MSL the plan names, else the interaction's own. */
        String assigneeIn(Interaction interaction) {
            return assignee == null ? interaction.mslId() : assignee;
        }
    }

    /**
     * An adverse event or product complaint mentioned in an interaction or a medical request (the other id is
     * null), on a local date in its time zone, to the MSL who owns the record.
     */
    public record SafetyMention(UUID interactionId, UUID requestId, UUID kolId, String msl, String team,
            String timeZone, LocalDate mentionedOn, boolean adverseEvent, boolean productComplaint) {

        FollowUp.Origin origin() {
            return new FollowUp.Origin(kolId, interactionId, requestId);
        }

        /** Owed to Drug Safety by the record's MSL, due the next business day after the local date of the mention. */
        FollowUp.Promise owed() {
            return new FollowUp.Promise(SAFETY_DESCRIPTION, BusinessDays.next(mentionedOn), timeZone, msl, team);
        }
    }

    /**
     * The Drug Safety obligation: a follow-up due the next business day (local date of the mention) and the
     * {@code safety.report-due} event. Runs in the caller's transaction; the actor is whoever recorded it.
     */
    public Uni<FollowUp> safetyReport(SafetyMention mention, String actor) {
        FollowUp followUp = FollowUp.open(FollowUp.Kind.SAFETY_REPORT, mention.origin(), mention.owed(),
                LegalBasis.LEGAL_OBLIGATION);
        return followUps.persist(followUp)
                .chain(() -> audit.record(created(followUp), actor))
                .chain(() -> events.followUp(followUp, FollowUpChange.CREATED))
                .chain(() -> events.safetyReportDue(followUp, mention.adverseEvent(), mention.productComplaint()))
                .replaceWith(followUp);
    }

    @WithTransaction
    public Uni<FollowUp> create(UUID interactionId, Plan plan) {
        return interactions.findById(interactionId)
                .chain(interaction -> InteractionService.visible(visibility, interaction, interactionId))
                .call(interaction -> access.require(interaction.mslId(), interaction.team(), "Interaction", interactionId))
                .chain(interaction -> directory.kol(interaction.kolId().toString(), Replicated.Kol.class, false)
                        .chain(kol -> promise(interaction, plan, kol)));
    }

    /**
     * A promise to the KOL made in an interaction, to its MSL unless the plan names another: a new record about
     * the KOL, so it needs the KOL's own basis.
     */
    private Uni<FollowUp> promise(Interaction interaction, Plan plan, Replicated.Kol kol) {
        InteractionRules.requireRecordable(kol, null, LegalBasis.ofKol(kol));
        String assignee = plan.assigneeIn(interaction);
        return access.assignable(assignee, interaction.team())
                .map(msl -> FollowUp.open(FollowUp.Kind.GENERAL,
                        new FollowUp.Origin(interaction.kolId(), interaction.id(), null),
                        new FollowUp.Promise(plan.description(), plan.dueDate(), interaction.timeZone(), assignee,
                                msl.team()),
                        LegalBasis.ofKol(kol)))
                .call(followUp -> followUps.persist(followUp))
                .call(followUp -> audit.record(created(followUp)))
                .call(followUp -> events.followUp(followUp, FollowUpChange.CREATED));
    }

    /** A change of description, due date, assignee and status (OPEN to DONE or DROPPED), at the version read. */
    @WithTransaction
    public Uni<FollowUp> patch(UUID id, ExpectedVersion expected, Patch<Editable> patch) {
        return followUps.findForUpdate(id)
                .chain(followUp -> visible(followUp, id))
                .call(followUp -> access.require(followUp.assignee(), followUp.team(), "Follow-up", id))
                .chain(followUp -> change(followUp, expected, patch));
    }

    private Uni<FollowUp> change(FollowUp followUp, ExpectedVersion expected, Patch<Editable> patch) {
        expected.check(followUp.version());
        requireOpen(followUp);
        Editable changed = patch.applyTo(Editable.of(followUp));
        requireDroppable(followUp, changed);
        Object before = Snapshot.of(followUp);
        Uni<Void> erasedCheck = requireWritable(followUp, changed);
        Uni<Directory.Entry> assignee = assignee(followUp, changed);
        return erasedCheck
                .chain(() -> assignee)
                .chain(msl -> apply(followUp, changed, msl, before));
    }

    private static void requireOpen(FollowUp followUp) {
        if (followUp.status() != FollowUp.Status.OPEN) {
            throw DomainException.conflict("invalid-transition", "Follow-up " + followUp.id() + " is "
                    + followUp.status() + " and final").with("allowed", List.of());
        }
    }

    /** Separation of duties: what is owed to Drug Safety is not dropped by the one who owes it. */
    private void requireDroppable(FollowUp followUp, Editable changed) {
        if (followUp.kind() == FollowUp.Kind.SAFETY_REPORT && changed.status() == FollowUp.Status.DROPPED
                && access.isCaller(followUp.assignee())) {
            throw DomainException.forbidden("safety-follow-up-owed", "The Drug Safety follow-up " + followUp.id()
                    + " cannot be dropped by its assignee; their manager or an admin may drop it, e.g. "
                    + "when the report reached Drug Safety another way");
        }
    }

    /** A new description is new free text about the KOL: refused once the KOL is erased. */
    private Uni<Void> requireWritable(FollowUp followUp, Editable changed) {
        return changed.description().equals(followUp.description())
                ? Uni.createFrom().voidItem()
                : lookups.requireNotErased(followUp.kolId());
    }

    /** The assignee's directory entry; a new assignee must be one the caller may assign within the team. */
    private Uni<Directory.Entry> assignee(FollowUp followUp, Editable changed) {
        return changed.assignee().equals(followUp.assignee())
                ? directory.msl(changed.assignee())
                : access.assignable(changed.assignee(), followUp.team());
    }

    private Uni<FollowUp> apply(FollowUp followUp, Editable changed, Directory.Entry msl, Object before) {
        followUp.change(changed.description(), changed.dueDate(), changed.assignee(), msl.team(), changed.status());
        FollowUpChange change = changeOf(changed.status());
        return audit.record(AuditRecord.of("follow-up", followUp.id(), followUp.version(), change.name().toLowerCase(),
                before, Snapshot.of(followUp)))
                .chain(() -> events.followUp(followUp, change))
                .replaceWith(followUp);
    }

    /** The event a change publishes: a follow-up still OPEN was updated, otherwise it was completed or dropped. */
    private static FollowUpChange changeOf(FollowUp.Status status) {
        return switch (status) {
            case OPEN -> FollowUpChange.UPDATED;
            case DONE -> FollowUpChange.COMPLETED;
            case DROPPED -> FollowUpChange.DROPPED;
        };
    }

    private static AuditRecord created(FollowUp followUp) {
        return AuditRecord.of("follow-up", followUp.id(), 1, "created", null, Snapshot.of(followUp));
    }

    @WithSession
    public Uni<FollowUp> get(UUID id) {
        return followUps.findById(id).chain(followUp -> visible(followUp, id));
    }

    @WithSession
    public Uni<Page<FollowUp>> list(String assignee, FollowUp.Status status, Boolean overdue, UUID kolId,
            PageRequest page) {
        String who = "me".equals(assignee) ? caller.subject() : assignee;
        return visibility.scope()
                .chain(scope -> followUps.list(new FollowUpFilter(scope, who, status, overdue, kolId), page))
                .map(rows -> page.page(rows, f -> List.of(f.dueDate().toString(), f.id().toString())));
    }

    private Uni<FollowUp> visible(FollowUp followUp, UUID id) {
        if (followUp == null) {
            throw DomainException.notFound("Follow-up", id);
        }
        return visibility.scope().map(scope -> {
            if (!scope.sees(followUp.assignee(), followUp.team())) {
                throw DomainException.notFound("Follow-up", id);
            }
            return followUp;
        });
    }

    /** What a change of a follow-up edits. */
    public record Editable(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String description,
            @jakarta.validation.constraints.NotNull LocalDate dueDate,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String assignee,
            @jakarta.validation.constraints.NotNull FollowUp.Status status) {

        static Editable of(FollowUp followUp) {
            return new Editable(followUp.description(), followUp.dueDate(), followUp.assignee(), followUp.status());
        }
    }
}
