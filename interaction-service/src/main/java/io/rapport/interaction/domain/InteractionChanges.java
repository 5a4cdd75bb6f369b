package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.interaction.config.InteractionConfig;
import io.rapport.interaction.domain.InteractionEvents.InteractionChange;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.platform.api.FieldError;
import io.rapport.platform.api.JsonBodies;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.replica.Directory;
import io.smallrye.mutiny.Uni;

/**
 * Changing a recorded interaction: its plan while PLANNED, a few corrections (with a reason, within the
 * amendment window) once COMPLETED, nothing once CANCELLED or NO_SHOW; and the CRM upsert, which changes an
 * interaction under the same rules and does nothing for an identical body.
 */
@ApplicationScoped
public class InteractionChanges {

    private static final String AMENDMENT_REASON = "amendmentReason";

    private final InteractionService service;
    private final InteractionRepository interactions;
    private final InteractionRules rules;
    private final Directory directory;
    private final Lookups lookups;
    private final InteractionEvents events;
    private final AuditTrail audit;
    private final JsonBodies bodies;
    private final InteractionConfig config;

    public InteractionChanges(InteractionService service, InteractionRepository interactions, InteractionRules rules,
            Directory directory, Lookups lookups, InteractionEvents events, AuditTrail audit, JsonBodies bodies,
            InteractionConfig config) {
        this.service = service;
        this.interactions = interactions;
        this.rules = rules;
        this.directory = directory;
        this.lookups = lookups;
        this.events = events;
        this.audit = audit;
        this.bodies = bodies;
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

    /** JSON Merge Patch, at the version read. */
    @WithTransaction
    public Uni<Interaction> patch(UUID id, String ifMatch, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "a merge patch is a JSON object");
        }
        ObjectNode changes = ((ObjectNode) patch).deepCopy();
        JsonNode reason = changes.remove(AMENDMENT_REASON);
        return service.changeable(id, ifMatch).chain(interaction -> switch (interaction.status()) {
            case PLANNED -> {
                requireOnly(changes, InteractionDocument.PLAN_FIELDS, "not-changeable", "while PLANNED; to complete, "
                        + "cancel or mark a no-show use their actions");
                yield replan(interaction, bodies.patched(InteractionDocument.of(interaction), changes,
                        InteractionDocument.class));
            }
            case COMPLETED -> {
                requireOnly(changes, InteractionDocument.AMENDABLE_FIELDS, "not-amendable", "after completion");
                InteractionDocument amended = bodies.patched(InteractionDocument.of(interaction), changes,
                        InteractionDocument.class);
                yield amend(interaction, amended, reason == null || reason.isNull() ? null : reason.asText());
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
                    throw ProblemException.badRequest("externalIds", "the " + system + " id must be the one in the path");
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
            throw ProblemException.conflict("not-changeable", "An interaction keeps its KOL and MSL; record another one");
        }
        return switch (interaction.status()) {
            case PLANNED -> replan(interaction, wanted).chain(i -> wanted.status() == InteractionStatus.COMPLETED
                    ? service.complete(i.id(), String.valueOf(i.version()), wanted.completion())
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
                        throw ProblemException.badRequest("plannedStart", "required for a planned interaction");
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
            throw ProblemException.rule("amendment-reason-required", "Changing a completed interaction needs an "
                    + "amendmentReason");
        }
        if (interaction.completedAt().plus(config.amendmentWindow()).isBefore(Instant.now())) {
            throw ProblemException.rule("amendment-window-closed", "Interaction " + interaction.id() + " was completed "
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
    private static void requireOnly(ObjectNode changes, Set<String> allowed, String rule, String when) {
        List<FieldError> refused = new ArrayList<>();
        Iterator<String> names = changes.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                refused.add(new FieldError(name, "cannot change " + when));
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(422, rule, "Refused by a rule", refused.size() + " field(s) cannot change " + when
                    + "; changeable: " + new java.util.TreeSet<>(allowed), refused);
        }
    }
}
