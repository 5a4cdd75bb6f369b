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
    }

    /**
     * An adverse event or product complaint mentioned in an interaction or a medical request (the other id is
     * null), on a local date in its time zone, to the MSL who owns the record.
     */
    public record SafetyMention(UUID interactionId, UUID requestId, UUID kolId, String msl, String team,
            String timeZone, LocalDate mentionedOn, boolean adverseEvent, boolean productComplaint) {
    }

    /**
     * The Drug Safety obligation: a follow-up due the next business day (local date of the mention) and the
     * {@code safety.report-due} event. Runs in the caller's transaction; the actor is whoever recorded it.
     */
    public Uni<FollowUp> safetyReport(SafetyMention mention, String actor) {
        FollowUp followUp = FollowUp.open(FollowUp.Kind.SAFETY_REPORT, mention.interactionId(), mention.requestId(),
                mention.kolId(), mention.msl(), mention.team(), SAFETY_DESCRIPTION,
                BusinessDays.next(mention.mentionedOn()), mention.timeZone(), LegalBasis.LEGAL_OBLIGATION);
        return followUps.persist(followUp)
                .chain(() -> audit.record(AuditRecord.of("follow-up", followUp.id(), 1, "created", null,
                        Snapshot.of(followUp)), actor))
                .chain(() -> events.followUp(followUp, FollowUpChange.CREATED))
                .chain(() -> events.safetyReportDue(followUp, mention.adverseEvent(), mention.productComplaint()))
                .replaceWith(followUp);
    }

    @WithTransaction
    public Uni<FollowUp> create(UUID interactionId, Plan plan) {
        return interactions.findById(interactionId).chain(interaction -> InteractionService.visible(visibility,
                interaction, interactionId))
                .chain(interaction -> access.require(interaction.mslId(), interaction.team(), "Interaction",
                        interactionId).replaceWith(interaction))
                .chain(interaction -> directory.kol(interaction.kolId().toString(), Replicated.Kol.class, false)
                        .chain(kol -> {
                            // a promise to the KOL is a new record about them: it needs the KOL's own basis
                            InteractionRules.requireRecordable(kol, null, LegalBasis.ofKol(kol));
                            String assignee = plan.assignee() == null ? interaction.mslId() : plan.assignee();
                            return access.assignable(assignee, interaction.team()).chain(msl -> {
                                FollowUp followUp = FollowUp.open(FollowUp.Kind.GENERAL, interactionId, null,
                                        interaction.kolId(), assignee, msl.team(), plan.description(), plan.dueDate(),
                                        interaction.timeZone(), LegalBasis.ofKol(kol));
                                return followUps.persist(followUp)
                                        .chain(() -> audit.record(AuditRecord.of("follow-up", followUp.id(), 1,
                                                "created", null, Snapshot.of(followUp))))
                                        .chain(() -> events.followUp(followUp, FollowUpChange.CREATED))
                                        .replaceWith(followUp);
                            });
                        }));
    }

    /** A change of description, due date, assignee and status (OPEN to DONE or DROPPED), at the version read. */
    @WithTransaction
    public Uni<FollowUp> patch(UUID id, ExpectedVersion expected, Patch<Editable> patch) {
        return followUps.findForUpdate(id).chain(followUp -> visible(followUp, id))
                .chain(followUp -> access.require(followUp.assignee(), followUp.team(), "Follow-up", id)
                        .replaceWith(followUp))
                .chain(followUp -> {
                    expected.check(followUp.version());
                    if (followUp.status() != FollowUp.Status.OPEN) {
                        throw DomainException.conflict("invalid-transition", "Follow-up " + id + " is "
                                + followUp.status() + " and final").with("allowed", List.of());
                    }
                    Editable changed = patch.applyTo(Editable.of(followUp));
                    if (followUp.kind() == FollowUp.Kind.SAFETY_REPORT && changed.status() == FollowUp.Status.DROPPED
                            && access.isCaller(followUp.assignee())) {
                        // separation of duties: what is owed to Drug Safety is not dropped by the one who owes it
                        throw DomainException.forbidden("safety-follow-up-owed", "The Drug Safety follow-up " + id
                                + " cannot be dropped by its assignee; their manager or an admin may drop it, e.g. "
                                + "when the report reached Drug Safety another way");
                    }
                    Object before = Snapshot.of(followUp);
                    Uni<Void> erasedCheck = changed.description().equals(followUp.description())
                            ? Uni.createFrom().voidItem()
                            : lookups.requireNotErased(followUp.kolId());
                    Uni<Directory.Entry> assignee = changed.assignee().equals(followUp.assignee())
                            ? directory.msl(changed.assignee())
                            : access.assignable(changed.assignee(), followUp.team());
                    return erasedCheck.chain(() -> assignee).chain(msl -> {
                        followUp.change(changed.description(), changed.dueDate(), changed.assignee(), msl.team(),
                                changed.status());
                        FollowUpChange published = switch (changed.status()) {
                            case OPEN -> FollowUpChange.UPDATED;
                            case DONE -> FollowUpChange.COMPLETED;
                            case DROPPED -> FollowUpChange.DROPPED;
                        };
                        FollowUpChange change = published;
                        return audit.record(AuditRecord.of("follow-up", id, followUp.version(), change.name()
                                .toLowerCase(), before, Snapshot.of(followUp)))
                                .chain(() -> events.followUp(followUp, published)).replaceWith(followUp);
                    });
                });
    }

    @WithSession
    public Uni<FollowUp> get(UUID id) {
        return followUps.findById(id).chain(followUp -> visible(followUp, id));
    }

    @WithSession
    public Uni<Page<FollowUp>> list(String assignee, FollowUp.Status status, Boolean overdue, UUID kolId,
            PageRequest page) {
        String who = "me".equals(assignee) ? caller.subject() : assignee;
        return visibility.scope().chain(scope -> followUps.list(new FollowUpFilter(scope, who, status, overdue, kolId), page))
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
