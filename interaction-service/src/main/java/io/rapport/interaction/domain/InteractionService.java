package io.rapport.interaction.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.interaction.domain.InteractionEvents.InteractionChange;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/**
 * Recording interactions and moving them through PLANNED to COMPLETED, CANCELLED or NO_SHOW. Every write
 * checks the KOL (contactable, within the cap) on its locked replica row, then writes the interaction, its
 * audit entry and its event in one transaction.
 */
@ApplicationScoped
public class InteractionService {

    private final InteractionRepository interactions;
    private final InteractionRules rules;
    private final Directory directory;
    private final Lookups lookups;
    private final Visibility visibility;
    private final FollowUpService followUps;
    private final InteractionEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final WriteAccess access;
    private final KolErasure erasure;

    public InteractionService(InteractionRepository interactions, InteractionRules rules, Directory directory, Lookups lookups,
            Visibility visibility, FollowUpService followUps, InteractionEvents events, AuditTrail audit, Caller caller,
            WriteAccess access, KolErasure erasure) {
        this.interactions = interactions;
        this.rules = rules;
        this.directory = directory;
        this.lookups = lookups;
        this.visibility = visibility;
        this.followUps = followUps;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.access = access;
        this.erasure = erasure;
    }

    @WithTransaction
    public Uni<Interaction> create(InteractionDocument document) {
        return recorder(document.mslId())
                .call(() -> lookups.requireCodes(document.therapeuticArea(), document.products()))
                .chain(msl -> lookups.lockKol(document.kolId())
                        .chain(kol -> recordLocked(document, msl, kol)));
    }

    /** A new interaction about a KOL whose replica row is locked: checked, assessed, stored, audited, published. */
    private Uni<Interaction> recordLocked(InteractionDocument document, Directory.Entry msl, Replicated.Kol kol) {
        Completion completion = checked(document);
        Interaction interaction = Interaction.record(UUID.randomUUID(), document.draft(), completion,
                Owner.of(msl, caller.subject(), document.timeZone()));
        interaction.basedOn(LegalBasis.ofKol(kol));
        InteractionRules.requireRecordable(kol, document.channel(), interaction.legalBasis());
        if (kol.erased()) {
            interaction.pseudonymise(erasure.pseudonym(document.kolId()));
        }
        return rules.assess(interaction, kol)
                .chain(() -> interactions.persist(interaction))
                .chain(() -> interactions.flush())
                .chain(() -> claimExternalIds(interaction))
                .chain(() -> audit.record(onBehalf(AuditRecord.of("interaction", interaction.id(), 1, "recorded", null,
                        Snapshot.of(interaction)), msl.userId())))
                .chain(() -> events.interaction(interaction, firstChange(completion)))
                .chain(() -> safetyIfDue(interaction))
                .replaceWith(interaction);
    }

    /** The event of a new interaction: logged as COMPLETED when it came with its completion, else PLANNED. */
    private static InteractionChange firstChange(Completion completion) {
        return completion == null ? InteractionChange.PLANNED : InteractionChange.COMPLETED;
    }

    @WithTransaction
    public Uni<Interaction> complete(UUID id, ExpectedVersion expected, Completion completion) {
        return planned(id, expected)
                .invoke(interaction -> InteractionRules.requireCompletable(completion, interaction.kind()))
                .chain(interaction -> lookups.lockKol(interaction.kolId())
                        .chain(kol -> completeLocked(interaction, completion, kol)));
    }

    /** Completes a planned interaction about a KOL whose replica row is locked. */
    private Uni<Interaction> completeLocked(Interaction interaction, Completion completion, Replicated.Kol kol) {
        Object before = Snapshot.of(interaction);
        interaction.complete(completion);
        interaction.basedOn(interaction.legalBasis() == null ? LegalBasis.ofKol(kol) : interaction.legalBasis());
        if (kol.erased()) {
            // after an erasure only what the law requires is still written, without the KOL's id
            InteractionRules.requireRecordable(kol, null, interaction.legalBasis());
            interaction.pseudonymise(erasure.pseudonym(interaction.kolId()));
        }
        return rules.assess(interaction, kol)
                .chain(() -> audit.record(AuditRecord.of("interaction", interaction.id(), interaction.version(),
                        "completed", before, Snapshot.of(interaction))))
                .chain(() -> events.interaction(interaction, InteractionChange.COMPLETED))
                .chain(() -> safetyIfDue(interaction))
                .replaceWith(interaction);
    }

    @WithTransaction
    public Uni<Interaction> cancel(UUID id, ExpectedVersion expected, String reason) {
        return planned(id, expected)
                .chain(interaction -> {
                    Object before = Snapshot.of(interaction);
                    interaction.cancel(reason);
                    return written(interaction, AuditRecord.of("interaction", id, interaction.version(), "cancelled",
                            before, Snapshot.of(interaction)).because(reason), InteractionChange.CANCELLED);
                });
    }

    @WithTransaction
    public Uni<Interaction> noShow(UUID id, ExpectedVersion expected) {
        return planned(id, expected)
                .chain(interaction -> {
                    Object before = Snapshot.of(interaction);
                    interaction.noShow();
                    return written(interaction, AuditRecord.of("interaction", id, interaction.version(), "no-show",
                            before, Snapshot.of(interaction)), InteractionChange.NO_SHOW);
                });
    }

    /**
     * Separation of duties: an interaction recorded beyond the KOL's cap is approved by a manager (or admin) who
     * neither recorded it nor is its MSL (403 self-approval otherwise).
     */
    @WithTransaction
    public Uni<Interaction> approveCapOverride(UUID id, ExpectedVersion expected) {
        if (!caller.isAny(Roles.MEDICAL_MANAGER, Roles.ADMIN)) {
            throw DomainException.forbidden("Only a medical manager or an admin approves a cap override");
        }
        return changeable(id, expected)
                .invoke(this::requireApprovable)
                .chain(interaction -> {
                    Object before = Snapshot.of(interaction);
                    interaction.approveCapOverride(caller.subject());
                    return written(interaction, AuditRecord.of("interaction", id, interaction.version(),
                            "cap-override-approved", before, Snapshot.of(interaction)), InteractionChange.UPDATED);
                });
    }

    private void requireApprovable(Interaction interaction) {
        if (!interaction.capOverridden()) {
            throw DomainException.conflict("no-cap-override", "Interaction " + interaction.id()
                    + " is within the KOL's cap");
        }
        if (interaction.capOverrideApprovedBy() != null) {
            throw DomainException.conflict("already-approved", "The cap override of interaction " + interaction.id()
                    + " was approved by " + interaction.capOverrideApprovedBy());
        }
        if (caller.subject().equals(interaction.mslId()) || caller.subject().equals(interaction.recordedBy())) {
            throw DomainException.forbidden("self-approval", "Nobody approves their own cap override: ask another "
                    + "medical manager or an admin");
        }
    }

    /** A change already applied to the interaction: its audit entry, then its event. */
    private Uni<Interaction> written(Interaction interaction, AuditRecord record, InteractionChange change) {
        return audit.record(record)
                .chain(() -> events.interaction(interaction, change))
                .replaceWith(interaction);
    }

    /** The completion part of a document logged as COMPLETED, checked; null for a PLANNED one. */
    static Completion checked(InteractionDocument document) {
        if (document.status() != InteractionStatus.PLANNED && document.status() != InteractionStatus.COMPLETED) {
            throw DomainException.invalid("status", "a new interaction is PLANNED or COMPLETED");
        }
        Completion completion = document.completion();
        if (completion == null && document.plannedStart() == null) {
            throw DomainException.invalid("plannedStart", "required for a planned interaction");
        }
        if (completion != null) {
            InteractionRules.requireCompletable(completion, document.kind());
        }
        return completion;
    }

    /** Who the interaction is recorded for: the caller, an MSL their manager names, or the MSL an integration names. */
    Uni<Directory.Entry> recorder(String requested) {
        String self = caller.subject();
        if (requested == null || requested.equals(self)) {
            if (requested == null && caller.isAny(Roles.INTEGRATION, Roles.ADMIN) && !caller.is(Roles.MSL)) {
                throw DomainException.invalid("mslId", "required: name the MSL the interaction is recorded for");
            }
            return directory.msl(self);
        }
        if (caller.isAny(Roles.INTEGRATION, Roles.ADMIN)) {
            return directory.msl(requested);
        }
        if (caller.is(Roles.MEDICAL_MANAGER)) {
            return directory.msl(requested).invoke(msl -> {
                if (!self.equals(msl.manager())) {
                    throw DomainException.forbidden("A medical manager records only for MSLs of their team; "
                            + requested + " is not managed by " + self);
                }
            });
        }
        throw DomainException.forbidden("An MSL records only their own interactions");
    }

    Uni<Void> safetyIfDue(Interaction interaction) {
        if (!interaction.safetyReportDue()) {
            return Uni.createFrom().voidItem();
        }
        FollowUpService.SafetyMention mention = new FollowUpService.SafetyMention(interaction.id(), null,
                interaction.kolId(), interaction.mslId(), interaction.team(), interaction.timeZone(),
                interaction.localDate(), Boolean.TRUE.equals(interaction.adverseEventMentioned()),
                Boolean.TRUE.equals(interaction.productComplaintMentioned()));
        return followUps.safetyReport(mention, caller.subject()).replaceWithVoid();
    }

    Uni<Void> claimExternalIds(Interaction interaction) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ExternalRef ref : interaction.externalIds()) {
            chain = chain.chain(() -> interactions.claimExternalId(interaction.id(), ref.system(), ref.id())
                    .invoke(holder -> holder.ifPresent(other -> {
                        throw DomainException.conflict("external-id-taken", ref.system() + " id " + ref.id()
                                + " belongs to interaction " + other).with("otherInteractionId", other);
                    }))
                    .replaceWithVoid());
        }
        return chain;
    }

    /** A PLANNED interaction the caller may change, at the version they read; 409 naming the allowed moves otherwise. */
    Uni<Interaction> planned(UUID id, ExpectedVersion expected) {
        return changeable(id, expected).invoke(interaction -> {
            if (interaction.status() != InteractionStatus.PLANNED) {
                throw invalidTransition(interaction);
            }
        });
    }

    Uni<Interaction> changeable(UUID id, ExpectedVersion expected) {
        return lockedWritable(id).invoke(interaction -> expected.check(interaction.version()));
    }

    /** Locked for the rest of the transaction, if the caller may change it (the CRM sync has no ETag to send). */
    Uni<Interaction> lockedWritable(UUID id) {
        return interactions.findForUpdate(id)
                .chain(interaction -> visible(visibility, interaction, id))
                .call(interaction -> access.require(interaction.mslId(), interaction.team(), "Interaction", id));
    }

    static DomainException invalidTransition(Interaction interaction) {
        return DomainException.conflict("invalid-transition", "Interaction " + interaction.id() + " is "
                + interaction.status() + "; allowed from here: " + interaction.status().next())
                .with("status", interaction.status()).with("allowed", interaction.status().next());
    }

    private AuditRecord onBehalf(AuditRecord record, String msl) {
        return msl.equals(caller.subject()) ? record : record.onBehalfOf(msl);
    }

    /** 404 unless the caller may see this interaction (so others' records do not leak). */
    static Uni<Interaction> visible(Visibility visibility, Interaction interaction, UUID id) {
        if (interaction == null) {
            return Uni.createFrom().failure(DomainException.notFound("Interaction", id));
        }
        return visibility.scope().map(scope -> {
            if (!scope.sees(interaction.mslId(), interaction.team())) {
                throw DomainException.notFound("Interaction", id);
            }
            return interaction;
        });
    }
}
