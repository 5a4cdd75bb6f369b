package io.rapport.kol.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.kol.config.PrivacyConfig;
import io.rapport.kol.persistence.ErasedIdentifierRepository;
import io.rapport.kol.persistence.ErasureRepository;
import io.rapport.kol.persistence.KolIdentifierRepository;
import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.privacy.ErasureSteps;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The KOL's GDPR rights of access (Art. 15) and erasure (Art. 17), and the proof of each erasure. */
@ApplicationScoped
public class KolPrivacy {

    /** The event type whose rows stay in the outbox after an erasure (kept in step with KolEventTypes.KOL_ERASED). */
    static final String ERASED_EVENT = "rapport.kol.erased.v1";
    private static final Logger LOG = Logger.getLogger(KolPrivacy.class);

    private final KolRepository kols;
    private final KolIdentifierRepository identifiers;
    private final ErasedIdentifierRepository erasedIdentifiers;
    private final ErasureHash erasureHash;
    private final KolAccess access;
    private final KolEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final ErasureSteps erasureSteps;
    private final ErasureRepository erasures;
    private final PrivacyConfig config;

    public KolPrivacy(KolRepository kols, KolIdentifierRepository identifiers,
            ErasedIdentifierRepository erasedIdentifiers, ErasureHash erasureHash, KolAccess access, KolEvents events,
            AuditTrail audit, Caller caller, ErasureSteps erasureSteps, ErasureRepository erasures,
            PrivacyConfig config) {
        this.kols = kols;
        this.identifiers = identifiers;
        this.erasedIdentifiers = erasedIdentifiers;
        this.erasureHash = erasureHash;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.erasureSteps = erasureSteps;
        this.erasures = erasures;
        this.config = config;
    }

    /** Everything held about the KOL: the profile, the assignments and the whole history. */
    public record PersonalData(Kol kol, List<AuditEntryView> history) {
    }

    @WithTransaction
    public Uni<PersonalData> personalData(UUID id) {
        return kols.findById(id).map(kol -> access.readable(kol, id))
                .chain(kol -> allHistory(id, PageRequest.first(PageRequest.MAX_LIMIT), new ArrayList<>())
                        .map(history -> new PersonalData(kol, history)));
    }

    /**
     * Art. 17: scrubs the personal data from the profile, its history (values and reasons), the stored
     * Idempotency-Key replies and the outbox, frees the identifiers (keeping keyed hashes so they cannot be
     * re-imported), records the erasure and tells the other services to erase too.
     *
     * <p>
     * Asked again, it changes nothing here, but while a service has not confirmed it sends the event again
     * (a new event, the same data): an erasure whose event a service dead-lettered or lost is never stuck.
     *
     * <p>
     * The reason is the admin's (a request reference, who asked): kept, in the erasure record and its audit
     * entry, for accountability; any of the KOL's own values written into it are replaced by {@value
     * AuditTrail#ERASED} before it is stored.
     */
    @WithTransaction
    public Uni<Kol> erase(UUID id, String reason) {
        return kols.findForUpdate(id).map(kol -> {
            if (kol == null) {
                throw DomainException.notFound("KOL", id);
            }
            return kol;
        }).chain(kol -> kol.isErased() ? resendIfUnconfirmed(kol).replaceWith(kol) : eraseNow(kol, reason));
    }

    /** The first erasure of the KOL: everything {@link #erase} lists, in the caller's transaction. */
    private Uni<Kol> eraseNow(Kol kol, String reason) {
        UUID id = kol.id();
        List<String[]> claims = kol.identifierClaims();
        String scrubbedReason = PersonalValues.of(Snapshot.of(kol)).removedFrom(reason);
        kol.erase(caller.subject());
        return erasedIdentifiers.remember(erasureHash.of(claims))
                .chain(() -> identifiers.release(id))
                .chain(() -> audit.scrub("kol", id, field -> field.equals(AuditTrail.REASON) || Snapshot.personal(field)))
                .chain(() -> erasures.forgetOnBehalfOf(id, AuditTrail.ERASED))
                .chain(() -> audit.record(AuditRecord.of("kol", id, kol.version(), "erased", null, null)
                        .because(scrubbedReason)))
                .chain(() -> erasureSteps.forgetRepliesNaming(List.of(id)))
                .chain(() -> erasures.forgetEarlierEvents(id, ERASED_EVENT))
                .chain(() -> erasures.requested(id, caller.subject(), scrubbedReason))
                .chain(() -> events.erased(kol))
                .replaceWith(kol);
    }

    /** The proof of the KOL's erasure; 404 when the KOL was never erased. */
    @WithTransaction
    public Uni<ErasureProof> erasure(UUID id) {
        return erasures.find(id).chain(request -> {
            if (request == null) {
                throw DomainException.notFound("Erasure of KOL", id);
            }
            return erasures.confirmations(id).map(confirmed -> ErasureProof.of(request, confirmed, config.services()));
        });
    }

    /** A service has erased the KOL's data (its {@code rapport.erasure.confirmed.v1} event), in the consumer's transaction. */
    public Uni<Void> confirmed(UUID kolId, String service, Instant at, int recordsErased, int recordsHeld) {
        return erasures.confirmed(kolId, service, at, recordsErased, recordsHeld);
    }

    /**
     * Sends the event again for every erasure still unconfirmed by a service {@link PrivacyConfig#resendGrace()}
     * after it was last sent, a batch per transaction; how many were sent again.
     */
    public Uni<Integer> resendUnconfirmed() {
        return resendUnconfirmed(0);
    }

    private Uni<Integer> resendUnconfirmed(int done) {
        Instant cutoff = Instant.now().minus(config.resendGrace());
        return Panache.withTransaction(() -> erasures.unconfirmedSentBefore(cutoff, config.services(), config.resendBatch())
                .call(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> kols.findForUpdate(id).chain(this::resend))
                        .collect().last()))
                .chain(ids -> ids.size() < config.resendBatch() ? Uni.createFrom().item(done + ids.size())
                        : resendUnconfirmed(done + ids.size()));
    }

    private Uni<Void> resendIfUnconfirmed(Kol kol) {
        return erasures.find(kol.id()).chain(request -> request == null ? resend(kol)
                : erasures.confirmations(kol.id())
                        .chain(confirmed -> ErasureProof.of(request, confirmed, config.services()).complete()
                                ? Uni.createFrom().voidItem()
                                : resend(kol)));
    }

    private Uni<Void> resend(Kol kol) {
        // a warning each time: a service that keeps failing on the event shows up in the logs, not only in the proof
        LOG.warnf("Erasure of KOL %s is not confirmed by all of %s; sending its event again", kol.id(),
                config.services());
        return events.erased(kol).chain(() -> erasures.sentAgain(kol.id(), kol.updatedAt(), kol.updatedBy()));
    }

    private Uni<List<AuditEntryView>> allHistory(UUID id, PageRequest page, List<AuditEntryView> collected) {
        return audit.history("kol", id, page).chain(result -> {
            collected.addAll(result.items());
            return result.nextCursor() == null ? Uni.createFrom().item(collected)
                    : allHistory(id, PageRequest.of(PageRequest.MAX_LIMIT, result.nextCursor()), collected);
        });
    }
}
