package io.rapport.interaction.domain;

import io.rapport.interaction.config.InteractionConfig;
import io.rapport.interaction.persistence.FollowUpRepository;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.interaction.persistence.MedicalRequestRepository;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.security.Pseudonyms;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * GDPR Art. 17, applied here on {@code kol.erased}: the free text of the KOL's records becomes {@code [erased]}
 * (here and in their history); records under a legal obligation (a safety mention) keep their content, and
 * the KOL is replaced there by a pseudonym. Ids, codes, dates, flags and counts stay. Idempotent.
 */
@ApplicationScoped
public class KolErasure {

    private static final String SERVICE = "interaction-service";

    private final InteractionRepository interactions;
    private final FollowUpRepository followUps;
    private final MedicalRequestRepository requests;
    private final AuditTrail audit;
    private final Pseudonyms pseudonyms;

    public KolErasure(InteractionRepository interactions, FollowUpRepository followUps, MedicalRequestRepository requests,
            AuditTrail audit, InteractionConfig config) {
        this.interactions = interactions;
        this.followUps = followUps;
        this.requests = requests;
        this.audit = audit;
        this.pseudonyms = new Pseudonyms(config.pseudonymKey(), SERVICE);
    }

    /** Runs in the consumer's transaction. */
    public Uni<Void> erase(UUID kolId) {
        UUID pseudonym = pseudonym(kolId);
        return interactions.ofKol(kolId).chain(list -> each(list, i -> {
            boolean held = i.underLegalHold();
            i.eraseKol(pseudonym);
            return scrub("interaction", i.id(), held);
        })).chain(() -> followUps.ofKol(kolId)).chain(list -> each(list, f -> {
            boolean held = f.kind() == FollowUp.Kind.SAFETY_REPORT;
            f.eraseKol(pseudonym);
            return scrub("follow-up", f.id(), held);
        })).chain(() -> requests.ofKol(kolId)).chain(list -> each(list, r -> {
            boolean held = r.adverseEventMentioned();
            r.eraseKol(pseudonym);
            return scrub("medical-request", r.id(), held);
        }));
    }

    /** The same pseudonym for the same KOL, impossible to reverse without the key. */
    UUID pseudonym(UUID kolId) {
        return pseudonyms.of(kolId);
    }

    /** A held record keeps its content but not the KOL id; the others lose their free text. */
    private Uni<Void> scrub(String type, UUID id, boolean legalHold) {
        return audit.scrub(type, id, legalHold ? "kolId"::equals : Snapshot.FREE_TEXT::contains);
    }

    private static <T> Uni<Void> each(List<T> items, Function<T, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> action.apply(item));
        }
        return chain;
    }
}
