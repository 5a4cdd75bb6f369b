package io.rapport.kol.domain;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.kol.persistence.ErasedIdentifierRepository;
import io.rapport.kol.persistence.KolIdentifierRepository;
import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.api.PageRequest;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The KOL's GDPR rights: access (Art. 15), objection (Art. 21) and erasure (Art. 17). */
@ApplicationScoped
public class KolPrivacy {

    private final KolRepository kols;
    private final KolIdentifierRepository identifiers;
    private final ErasedIdentifierRepository erasedIdentifiers;
    private final ErasureHash erasureHash;
    private final KolAccess access;
    private final KolEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    public KolPrivacy(KolRepository kols, KolIdentifierRepository identifiers,
            ErasedIdentifierRepository erasedIdentifiers, ErasureHash erasureHash, KolAccess access, KolEvents events,
            AuditTrail audit, Caller caller) {
        this.kols = kols;
        this.identifiers = identifiers;
        this.erasedIdentifiers = erasedIdentifiers;
        this.erasureHash = erasureHash;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
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
     * Art. 21: from now on the KOL is not contactable, everywhere (the event carries it). Recording it twice
     * keeps the first date. No If-Match: a legal right does not wait for a fresh ETag.
     */
    @WithTransaction
    public Uni<Kol> object(UUID id, Instant receivedAt) {
        return kols.findForUpdate(id).map(kol -> access.readable(kol, id)).chain(kol -> {
            if (kol.isErased() || kol.profile().dataProtection().objectedAt() != null) {
                return Uni.createFrom().item(kol);
            }
            Snapshot before = Snapshot.of(kol);
            kol.object(receivedAt == null ? Instant.now() : receivedAt, caller.subject());
            return audit.record(AuditRecord.of("kol", id, kol.version(), "objected", before, Snapshot.of(kol)))
                    .chain(() -> events.updated(kol)).replaceWith(kol);
        });
    }

    /**
     * Art. 17: scrubs the personal data from the profile and from its history, frees the identifiers (keeping
     * keyed hashes so they cannot be re-imported), and tells the other services to erase too. Idempotent.
     */
    @WithTransaction
    public Uni<Kol> erase(UUID id, String reason) {
        return kols.findForUpdate(id).map(kol -> {
            if (kol == null) {
                throw ProblemException.notFound("KOL", id);
            }
            return kol;
        }).chain(kol -> {
            if (kol.isErased()) {
                return Uni.createFrom().item(kol);
            }
            List<String[]> claims = kol.identifierClaims();
            kol.erase(caller.subject());
            return erasedIdentifiers.remember(erasureHash.of(claims))
                    .chain(() -> identifiers.release(id))
                    .chain(() -> audit.scrub("kol", id, Snapshot::personal))
                    .chain(() -> audit.record(AuditRecord.of("kol", id, kol.version(), "erased", null, null).because(reason)))
                    .chain(() -> events.erased(kol))
                    .replaceWith(kol);
        });
    }

    private Uni<List<AuditEntryView>> allHistory(UUID id, PageRequest page, List<AuditEntryView> collected) {
        return audit.history("kol", id, page).chain(result -> {
            collected.addAll(result.items());
            return result.nextCursor() == null ? Uni.createFrom().item(collected)
                    : allHistory(id, PageRequest.of(PageRequest.MAX_LIMIT, result.nextCursor()), collected);
        });
    }
}
