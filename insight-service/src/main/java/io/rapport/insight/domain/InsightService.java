package io.rapport.insight.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.insight.domain.InsightEvents.InsightChange;
import io.rapport.insight.persistence.InsightRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.replica.Replicas;
import io.rapport.platform.security.Caller;
import io.rapport.platform.time.BusinessDays;
import io.smallrye.mutiny.Uni;

/**
 * An insight's life: drafted and edited by its author, submitted, curated by a medical manager of the
 * author's team (validated then actioned, or rejected with a reason and reworked), endorsed by other MSLs who
 * heard the same. An adverse event mentioned creates the Drug Safety obligation at once, even for a draft.
 */
@ApplicationScoped
public class InsightService {

    private final InsightRepository insights;
    private final InsightAccess access;
    private final Directory directory;
    private final InsightEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final Replicas replicas;
    private final LinkedRecords linked;
    private final KolPseudonyms pseudonyms;

    public InsightService(InsightRepository insights, InsightAccess access, Directory directory, InsightEvents events,
            AuditTrail audit, Caller caller, Replicas replicas, LinkedRecords linked, KolPseudonyms pseudonyms) {
        this.insights = insights;
        this.access = access;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.replicas = replicas;
        this.linked = linked;
        this.pseudonyms = pseudonyms;
    }

    @WithTransaction
    public Uni<Insight> draft(InsightDocument document) {
        return checked(document, null).chain(kol -> directory.msl(caller.subject()).chain(author -> {
            LocalDate today = LocalDate.now(ZoneId.of(author.timeZone()));
            Insight insight = Insight.draft(document, author.userId(), author.team(), author.timeZone(),
                    BusinessDays.next(today));
            if (kol != null && kol.erased()) {
                // Only what the law requires gets here (an adverse event): kept, without the erased KOL's id.
                insight.pseudonymiseKol(pseudonyms.of(document.kolId()));
            }
            return insights.persist(insight)
                    .chain(() -> audit
                            .record(AuditRecord.of("insight", insight.id(), 1, "drafted", null, Snapshot.of(insight))))
                    .chain(() -> document.adverseEventMentioned() ? events.safetyReportDue(insight)
                            : Uni.createFrom().voidItem())
                    .replaceWith(insight);
        }));
    }

    /** A draft edited by its author; the patch is applied to the draft as it is now. */
    @WithTransaction
    public Uni<Insight> patch(UUID id, ExpectedVersion expected, Patch<InsightDocument> patch) {
        return changeable(id, expected).chain(insight -> {
            access.requireAuthor(insight);
            requireStatus(insight, InsightStatus.DRAFT, "edited");
            InsightDocument changed = patch.applyTo(insight.document());
            boolean newlyAdverse = changed.adverseEventMentioned() && !insight.adverseEventMentioned();
            return checked(changed, insight).chain(kol -> change(insight, "edited", i -> {
                i.edit(changed);
                if (kol != null && kol.erased()) {
                    i.pseudonymiseKol(pseudonyms.of(changed.kolId()));
                }
            }, null))
                    .chain(saved -> newlyAdverse ? events.safetyReportDue(saved).replaceWith(saved)
                            : Uni.createFrom().item(saved));
        });
    }

    @WithTransaction
    public Uni<Insight> submit(UUID id, ExpectedVersion expected) {
        return changeable(id, expected).chain(insight -> {
            access.requireAuthor(insight);
            requireStatus(insight, InsightStatus.DRAFT, "submitted");
            // Sharing it with curators is new processing: the KOL's rights may have changed since the draft.
            return rightsAllow(insight.document(), insight)
                    .chain(() -> change(insight, "submitted", Insight::submit, InsightChange.SUBMITTED));
        });
    }

    @WithTransaction
    public Uni<Insight> validate(UUID id, ExpectedVersion expected) {
        return curated(id, expected, InsightStatus.SUBMITTED, "validated")
                .chain(insight -> change(insight, "validated", i -> i.validate(caller.subject()), InsightChange.VALIDATED));
    }

    @WithTransaction
    public Uni<Insight> reject(UUID id, ExpectedVersion expected, String reason) {
        return curated(id, expected, InsightStatus.SUBMITTED, "rejected")
                .chain(insight -> change(insight, "rejected", i -> i.reject(reason, caller.subject()),
                        InsightChange.REJECTED));
    }

    @WithTransaction
    public Uni<Insight> action(UUID id, ExpectedVersion expected, String actionTaken) {
        return curated(id, expected, InsightStatus.VALIDATED, "actioned")
                .chain(insight -> change(insight, "actioned", i -> i.action(actionTaken, caller.subject()),
                        InsightChange.ACTIONED));
    }

    /** A rejected insight goes back to its author's drafts. */
    @WithTransaction
    public Uni<Insight> rework(UUID id, ExpectedVersion expected) {
        return changeable(id, expected).chain(insight -> {
            access.requireAuthor(insight);
            requireStatus(insight, InsightStatus.REJECTED, "reworked");
            return change(insight, "reworked", Insight::rework, InsightChange.REWORKED);
        });
    }

    /** Another MSL heard the same thing: counted once per MSL, and strong signals rise. No If-Match needed. */
    @WithTransaction
    public Uni<Insight> endorse(UUID id) {
        return insights.findForUpdate(id)
                .chain(insight -> access.visible(insight, id))
                .invoke(this::requireEndorsable)
                .call(insight -> insights.endorse(id, caller.subject()).invoke(added -> requireFirstEndorsement(id, added)))
                .chain(insight -> change(insight, "endorsed", Insight::endorse, InsightChange.ENDORSED));
    }

    /** Only what reached medical strategy's table is endorsed, and never by its author. */
    private void requireEndorsable(Insight insight) {
        if (insight.author().equals(caller.subject())) {
            throw DomainException.rule("own-insight", "Authors do not endorse their own insights");
        }
        if (!insight.status().shared()) {
            throw DomainException.conflict("invalid-transition", "Insight " + insight.id() + " is " + insight.status()
                    + "; only submitted, validated or actioned insights are endorsed");
        }
    }

    private static void requireFirstEndorsement(UUID id, boolean added) {
        if (!added) {
            throw DomainException.conflict("already-endorsed", "You already endorsed insight " + id);
        }
    }

    /** The adverse event mentioned was forwarded to Drug Safety (by the author or a curator). */
    @WithTransaction
    public Uni<Insight> safetyReported(UUID id, ExpectedVersion expected, String safetyReportId) {
        return changeable(id, expected).chain(insight -> {
            if (!insight.adverseEventMentioned()) {
                throw DomainException.rule("no-adverse-event", "Insight " + id + " mentions no adverse event");
            }
            if (insight.safetyReportId() != null) {
                throw DomainException.conflict("already-reported", "Insight " + id + " was reported as "
                        + insight.safetyReportId());
            }
            if (!insight.author().equals(caller.subject())) {
                return access.requireCurator(insight).replaceWith(insight);
            }
            return Uni.createFrom().item(insight);
        }).chain(insight -> change(insight, "safety-reported", i -> i.reportedToSafety(safetyReportId), null)
                .call(events::safetyReported));
    }

    private Uni<Insight> change(Insight insight, String action, Consumer<Insight> apply, InsightChange published) {
        Object before = Snapshot.of(insight);
        apply.accept(insight);
        Uni<Void> audited = audit.record(AuditRecord.of("insight", insight.id(), insight.version(), action, before,
                Snapshot.of(insight)));
        return (published == null ? audited : audited.chain(() -> events.insight(insight, published))).replaceWith(insight);
    }

    private Uni<Insight> curated(UUID id, ExpectedVersion expected, InsightStatus required, String action) {
        return changeable(id, expected)
                .call(access::requireCurator)
                .invoke(insight -> requireStatus(insight, required, action));
    }

    private Uni<Insight> changeable(UUID id, ExpectedVersion expected) {
        return insights.findForUpdate(id)
                .chain(insight -> access.visible(insight, id))
                .invoke(insight -> expected.check(insight.version()));
    }

    /**
     * Codes known, the KOL's rights allow the insight, and the interaction it came from is one the caller sees
     * with that KOL. Returns the KOL (null for an anonymous insight, or one whose KOL is already pseudonymised).
     *
     * @param current the insight being edited, or null for a new one
     */
    private Uni<Replicated.Kol> checked(InsightDocument document, Insight current) {
        return directory.requireCodes("therapeuticArea", List.of(document.therapeuticArea()), "product",
                document.product() == null ? List.of() : List.of(document.product()))
                .chain(() -> rightsAllow(document, current))
                .call(kol -> linked.requireInteraction(document.interactionId(), document.kolId(),
                        document.kolId() == null ? null : pseudonyms.of(document.kolId())));
    }

    /**
     * 422 naming the rule unless the KOL's rights allow a record of what the document says (an adverse event is
     * kept whatever they are). An unchanged KOL reference is read from the local replica only: after an erasure
     * the draft names a pseudonym, which nobody else knows.
     */
    private Uni<Replicated.Kol> rightsAllow(InsightDocument document, Insight current) {
        if (document.kolId() == null) {
            return Uni.createFrom().nullItem();
        }
        String kolId = document.kolId().toString();
        boolean unchanged = current != null && document.kolId().equals(current.kolId());
        Uni<Replicated.Kol> kol = unchanged ? replicas.get(Directory.KOL, kolId, Replicated.Kol.class)
                : directory.kol(kolId, Replicated.Kol.class, false);
        LegalBasis legal = Insight.legalBasisOf(document);
        return kol.invoke(found -> {
            if (found != null) {
                KolRights.require(found, KolRights.Record.INSIGHT, null, legal);
            } else if (unchanged && current.held() && legal == null) {
                // It names the pseudonym of an erased KOL: only the legal obligation kept it.
                throw DomainException.rule("kol-erased", "The KOL of insight " + current.id() + " was erased; "
                        + "it is kept only as an adverse event report");
            }
        });
    }

    private static void requireStatus(Insight insight, InsightStatus required, String action) {
        if (insight.status() != required) {
            throw DomainException.conflict("invalid-transition", "Insight " + insight.id() + " is " + insight.status()
                    + " and cannot be " + action + "; allowed: " + insight.status().actions())
                    .with("status", insight.status()).with("allowed", insight.status().actions());
        }
    }
}
