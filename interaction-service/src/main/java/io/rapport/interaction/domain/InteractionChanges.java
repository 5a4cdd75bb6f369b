package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.interaction.config.InteractionConfig;
import io.rapport.interaction.domain.InteractionEvents.InteractionChange;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.domain.FieldError;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.replica.Directory;
import io.smallrye.mutiny.Uni;

/**
 * Changing a recorded interaction: its plan while PLANNED, a few corrections (with a reason, within the
 * amendment window) once COMPLETED, nothing once CANCELLED or NO_SHOW; and the CRM upsert, which changes an
 * interaction under the same rules and does nothing for an identical body.
 */
@ApplicationScoped
public class InteractionChanges {

    private final InteractionService service;
    private final InteractionRepository interactions;
    private final InteractionRules rules;
    private final Directory directory;
    private final Lookups lookups;
    private final InteractionEvents events;
    private final AuditTrail audit;
    private final InteractionConfig config;

    public InteractionChanges(InteractionService service, InteractionRepository interactions, InteractionRules rules,
            Directory directory, Lookups lookups, InteractionEvents events, AuditTrail audit, InteractionConfig config) {
        this.service = service;
        this.interactions = interactions;
        this.rules = rules;
        this.directory = directory;
        this.lookups = lookups;
        this.events = events;
        this.audit = audit;
        this.config = config;
    }

    /** How an upsert ended. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Upserted(Interaction interaction, Outcome outcome) {
    }

    /**
     * A change to an interaction as its caller describes it: the fields it touches (each status lets only some
     * change), the reason given for amending a completed one, and the change itself, applied to the current
     * document.
     */
    public record Change(Set<String> fields, String amendmentReason, Patch<InteractionDocument> document) {
    }

    /** A change at the version read, of the fields the interaction's status lets change. */
    @WithTransaction
    public Uni<Interaction> patch(UUID id, ExpectedVersion expected, Change change) {
        return service.changeable(id, expected).chain(interaction -> switch (interaction.status()) {
            case PLANNED -> {
                requireOnly(change.fields(), InteractionDocument.PLAN_FIELDS, "not-changeable", "while PLANNED; to "
                        + "complete, cancel or mark a no-show use their actions");
                yield replan(interaction, change.document().applyTo(InteractionDocument.of(interaction)));
            }
            case COMPLETED -> {
                requireOnly(change.fields(), InteractionDocument.AMENDABLE_FIELDS, "not-amendable", "after completion");
                InteractionDocument amended = change.document().applyTo(InteractionDocument.of(interaction));
                yield amend(interaction, amended, change.amendmentReason());
            }
            default -> throw InteractionService.invalidTransition(interaction);
        });
    }

    /** The CRM sync: create, change under the same rules, or (same body) nothing at all. */
    @WithTransaction
    public Uni<Upserted> upsert(String system, String externalId, InteractionDocument document) {
        ExternalRef ref = new ExternalRef(system, externalId);
        document.externalIds().stream().filter(e -> e.system().equals(system) && !e.id().equals(externalId)).findAny()
                .ifPresent(e -> {
                    throw DomainException.invalid("externalIds", "the " + system + " id must be the one in the path");
                });
        InteractionDocument complete = document.withExternalId(ref);
        return interactions.byExternalId(system, externalId).chain(existing -> existing.isEmpty()
                ? service.create(complete).map(i -> new Upserted(i, Outcome.CREATED))
                : service.lockedWritable(existing.get()).chain(interaction -> sync(interaction, complete, system)));
    }

    private Uni<Upserted> sync(Interaction interaction, InteractionDocument incoming, String system) {
        InteractionDocument current = InteractionDocument.of(interaction);
        InteractionDocument wanted = incoming.withMsl(incoming.mslId() == null ? interaction.mslId() : incoming.mslId(),
                interaction.timeZone());
        if (wanted.equals(current)) {
            return Uni.createFrom().item(new Upserted(interaction, Outcome.UNCHANGED));
        }
        if (!wanted.kolId().equals(current.kolId()) || !wanted.mslId().equals(current.mslId())) {
            throw DomainException.conflict("not-changeable", "An interaction keeps its KOL and MSL; record another one");
        }
        return switch (interaction.status()) {
            case PLANNED -> replan(interaction, wanted).chain(i -> wanted.status() == InteractionStatus.COMPLETED
                    ? service.complete(i.id(), new ExpectedVersion(i.version()), wanted.completion())
                    : Uni.createFrom().item(i))
                    .map(i -> new Upserted(i, Outcome.UPDATED));
            case COMPLETED -> amend(interaction, wanted, "synced from " + system).map(i -> new Upserted(i, Outcome.UPDATED));
            default -> throw InteractionService.invalidTransition(interaction);
        };
    }

    private Uni<Interaction> replan(Interaction interaction, InteractionDocument changed) {
        return lookups.requireCodes(changed.therapeuticArea(), changed.products())
                .chain(() -> lookups.lockKol(interaction.kolId())).chain(kol -> {
                    // a changed plan is a new decision to contact the KOL: it needs the KOL's consent as a new one does
                    InteractionRules.requireContactable(kol, changed.channel());
                    if (changed.plannedStart() == null) {
                        throw DomainException.invalid("plannedStart", "required for a planned interaction");
                    }
                    Object before = Snapshot.of(interaction);
                    interaction.replan(changed.draft());
                    return rules.assess(interaction, kol)
                            .chain(() -> audit.record(AuditRecord.of("interaction", interaction.id(), interaction.version(),
                                    "updated", before, Snapshot.of(interaction))))
                            .chain(() -> events.interaction(interaction, InteractionChange.UPDATED)).replaceWith(interaction);
                });
    }

    private Uni<Interaction> amend(Interaction interaction, InteractionDocument changed, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.rule("amendment-reason-required", "Changing a completed interaction needs an "
                    + "amendmentReason");
        }
        if (interaction.completedAt().plus(config.amendmentWindow()).isBefore(Instant.now())) {
            throw DomainException.rule("amendment-window-closed", "Interaction " + interaction.id() + " was completed "
                    + "more than " + config.amendmentWindow().toDays() + " days ago and can no longer be amended");
        }
        InteractionRules.requireCompletable(new Completion(changed.occurredAt(), changed.durationMinutes(),
                changed.outcome(), interaction.disclosureMade(), changed.feedbackScore(),
                interaction.adverseEventMentioned(), interaction.productComplaintMentioned(), interaction.safetyReportId(),
                interaction.transfersOfValue(), changed.topics()), interaction.kind());
        return lookups.lockKol(interaction.kolId()).chain(kol -> {
            if (kol.erased()) {
                // an amendment writes new free text about the KOL: nothing of an erased KOL is written any more
                InteractionRules.requireContactable(kol, null);
            }
            Object before = Snapshot.of(interaction);
            interaction.amend(new Amendment(changed.outcome(), changed.feedbackScore(), changed.topics(),
                    changed.durationMinutes(), changed.occurredAt(), reason));
            return rules.assess(interaction, kol)
                    .chain(() -> audit.record(AuditRecord.of("interaction", interaction.id(), interaction.version(),
                            "amended", before, Snapshot.of(interaction)).because(reason)))
                    .chain(() -> events.interaction(interaction, InteractionChange.AMENDED)).replaceWith(interaction);
        });
    }

    /** 422 naming the fields a patch may not touch in this status. */
    private static void requireOnly(Set<String> fields, Set<String> allowed, String rule, String when) {
        List<FieldError> refused = new ArrayList<>();
        for (String name : fields) {
            if (!allowed.contains(name)) {
                refused.add(new FieldError(name, "cannot change " + when));
            }
        }
        if (!refused.isEmpty()) {
            throw DomainException.rule(rule, refused.size() + " field(s) cannot change " + when + "; changeable: "
                    + new java.util.TreeSet<>(allowed), refused);
        }
    }
}
