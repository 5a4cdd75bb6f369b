package io.rapport.interaction.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.interaction.config.InteractionConfig;
import io.rapport.interaction.persistence.ErasureRepository;
import io.rapport.interaction.persistence.FollowUpRepository;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.interaction.persistence.MedicalRequestRepository;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.privacy.ErasureSteps;
import io.rapport.platform.privacy.KolDataErasure;
import io.rapport.platform.security.Pseudonyms;
import io.smallrye.mutiny.Uni;

/**
 * GDPR Art. 17, applied here on {@code kol.erased}, so that no stored form keeps the KOL's personal data: every
 * free-text field of the KOL's records becomes {@code [erased]}, in the records and in their audit history (old
 * and new values and the reasons given), stored Idempotency-Key replies naming the KOL or the records are
 * forgotten, and the KOL's replica keeps only id, status and version. Records under a legal obligation (a safety
 * mention, a Drug Safety follow-up) keep their content, with the KOL replaced by a pseudonym. Ids, codes, dates,
 * flags and counts stay. Then, in the same transaction, {@code rapport.erasure.confirmed.v1} tells kol-service it
 * is done. Idempotent: a redelivered erasure finds nothing more to erase and confirms again.
 */
@ApplicationScoped
public class KolErasure implements KolDataErasure {

    static final String SERVICE = "interaction-service";
    /** What the history of an erased record loses: every free-text field, and the reasons. */
    private static final Predicate<String> ERASED_FIELDS = field -> Snapshot.FREE_TEXT.contains(field)
            || AuditTrail.REASON.equals(field);
    private static final Predicate<String> HELD_FIELDS = Set.of("kolId")::contains;

    private final InteractionRepository interactions;
    private final FollowUpRepository followUps;
    private final MedicalRequestRepository requests;
    private final ErasureRepository stores;
    private final AuditTrail audit;
    private final ErasureSteps steps;
    private final Pseudonyms pseudonyms;

    public KolErasure(InteractionRepository interactions, FollowUpRepository followUps, MedicalRequestRepository requests,
            ErasureRepository stores, AuditTrail audit, ErasureSteps steps, InteractionConfig config) {
        this.interactions = interactions;
        this.followUps = followUps;
        this.requests = requests;
        this.stores = stores;
        this.audit = audit;
        this.steps = steps;
        this.pseudonyms = new Pseudonyms(config.pseudonymKey(), SERVICE);
    }

    /**
     * Runs in the consumer's transaction. The confirmation also forgets the stored replies naming the KOL or the
     * records: a replay would hand back what was just scrubbed (held records too name the KOL).
     */
    @Override
    public Uni<Void> erase(UUID kolId) {
        UUID pseudonym = pseudonym(kolId);
        ErasureSteps.Tally tally = steps.start(kolId);
        return interactions.ofKol(kolId)
                .chain(list -> each(list, i -> erase("interaction", i.id(), i.underLegalHold(),
                        () -> i.eraseKol(pseudonym), tally)))
                .chain(() -> followUps.ofKol(kolId))
                .chain(list -> each(list, f -> erase("follow-up", f.id(), f.kind() == FollowUp.Kind.SAFETY_REPORT,
                        () -> f.eraseKol(pseudonym), tally)))
                .chain(() -> requests.ofKol(kolId))
                .chain(list -> each(list, r -> erase("medical-request", r.id(), r.adverseEventMentioned(),
                        () -> r.eraseKol(pseudonym), tally)))
                .chain(() -> stores.minimiseKolReplica(kolId))
                .chain(() -> steps.confirm(tally, SERVICE, InteractionEvents.TOPIC));
    }

    /** The same pseudonym for the same KOL, impossible to reverse without the key. */
    public UUID pseudonym(UUID kolId) {
        return pseudonyms.of(kolId);
    }

    /** Both ids the records of a KOL may carry: the KOL's, and (under a legal hold) the pseudonym. */
    public List<UUID> idsOf(UUID kolId) {
        return Stream.of(kolId, pseudonym(kolId)).toList();
    }

    /**
     * One record of the KOL: erased (its history too) and counted. Whether it is held is decided before the record
     * forgets the KOL. A held record keeps its content but not the KOL id; the others lose their free text and
     * reasons.
     */
    private Uni<Void> erase(String type, UUID id, boolean legalHold, Runnable eraseRecord, ErasureSteps.Tally tally) {
        eraseRecord.run();
        tally.record(id, legalHold);
        return audit.scrub(type, id, legalHold ? HELD_FIELDS : ERASED_FIELDS);
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> action.apply(item));
        }
        return chain;
    }
}
