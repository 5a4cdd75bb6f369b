package io.rapport.interaction.domain;

import java.util.ArrayList;
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
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.privacy.ErasureConfirmation;
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
public class KolErasure {

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
    private final IdempotencyKeys idempotency;
    private final InteractionEvents events;
    private final Pseudonyms pseudonyms;

    public KolErasure(InteractionRepository interactions, FollowUpRepository followUps, MedicalRequestRepository requests,
            ErasureRepository stores, AuditTrail audit, IdempotencyKeys idempotency, InteractionEvents events,
            InteractionConfig config) {
        this.interactions = interactions;
        this.followUps = followUps;
        this.requests = requests;
        this.stores = stores;
        this.audit = audit;
        this.idempotency = idempotency;
        this.events = events;
        this.pseudonyms = new Pseudonyms(config.pseudonymKey(), SERVICE);
    }

    /** What one erasure did, for the confirmation. */
    private static final class Tally {
        final List<Object> ids = new ArrayList<>();
        int erased;
        int held;

        Uni<Void> count(UUID id, boolean legalHold) {
            ids.add(id);
            erased++;
            if (legalHold) {
                held++;
            }
            return Uni.createFrom().voidItem();
        }
    }

    /** Runs in the consumer's transaction. */
    public Uni<Void> erase(UUID kolId) {
        UUID pseudonym = pseudonym(kolId);
        Tally tally = new Tally();
        tally.ids.add(kolId);
        return interactions.ofKol(kolId).chain(list -> each(list, i -> {
            boolean held = i.underLegalHold();
            i.eraseKol(pseudonym);
            return scrub("interaction", i.id(), held).chain(() -> tally.count(i.id(), held));
        })).chain(() -> followUps.ofKol(kolId)).chain(list -> each(list, f -> {
            boolean held = f.kind() == FollowUp.Kind.SAFETY_REPORT;
            f.eraseKol(pseudonym);
            return scrub("follow-up", f.id(), held).chain(() -> tally.count(f.id(), held));
        })).chain(() -> requests.ofKol(kolId)).chain(list -> each(list, r -> {
            boolean held = r.adverseEventMentioned();
            r.eraseKol(pseudonym);
            return scrub("medical-request", r.id(), held).chain(() -> tally.count(r.id(), held));
        }))
                // a replay of a stored reply would hand back what was just scrubbed (held records too name the KOL)
                .chain(() -> idempotency.forgetRepliesNaming(tally.ids))
                .chain(() -> stores.minimiseKolReplica(kolId))
                .chain(() -> events.erasureConfirmed(ErasureConfirmation.of(kolId, SERVICE, tally.erased, tally.held)));
    }

    /** The same pseudonym for the same KOL, impossible to reverse without the key. */
    public UUID pseudonym(UUID kolId) {
        return pseudonyms.of(kolId);
    }

    /** Both ids the records of a KOL may carry: the KOL's, and (under a legal hold) the pseudonym. */
    public List<UUID> idsOf(UUID kolId) {
        return Stream.of(kolId, pseudonym(kolId)).toList();
    }

    /** A held record keeps its content but not the KOL id; the others lose their free text and reasons. */
    private Uni<Void> scrub(String type, UUID id, boolean legalHold) {
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
