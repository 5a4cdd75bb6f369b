package io.rapport.kol.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The rights requests of a KOL: objection (GDPR Art. 21) and its withdrawal, consent per purpose, do-not-contact,
 * lawful basis and privacy notice. They are the only writes of {@link KolRights}. Each is audited with who filed it
 * (the caller), on whose request ({@code requestedBy}, e.g. "the KOL by e-mail"), when it was received and why; bumps
 * the version and publishes the KOL's new contactability, only when something changed (a repeated request is a
 * no-op). No If-Match: a legal right does not wait for a fresh ETag.
 */
@ApplicationScoped
public class KolRightsService {

    /** Clocks differ; a request received more than this far in the future is a mistake, not a clock. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final KolRepository kols;
    private final ReferenceData reference;
    private final KolAccess access;
    private final KolEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    public KolRightsService(KolRepository kols, ReferenceData reference, KolAccess access, KolEvents events,
            AuditTrail audit, Caller caller) {
        this.kols = kols;
        this.reference = reference;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    /** Who asked for a change, when it was received and why (all but requestedBy optional). */
    public record Request(String requestedBy, Instant receivedAt, String reason) {

        Instant at() {
            return receivedAt == null ? Instant.now() : receivedAt;
        }
    }

    /**
     * The KOL's decision on consent for one purpose: granted, withdrawn or refused, where it was captured and its
     * evidence (both optional).
     */
    public record ConsentDecision(DataProtection.Purpose purpose, DataProtection.Consent.Status status, String source,
            String evidenceReference) {
    }

    /** Art. 21: from now on nobody may contact the KOL, everywhere. Objecting again keeps the first date. */
    @WithTransaction
    public Uni<Kol> object(UUID id, Request request) {
        return requestable(id, true).chain(kol -> kol.isErased() ? Uni.createFrom().item(kol)
                : change(kol, "objected", request, rights -> rights.objected(request.at())));
    }

    /** The KOL withdraws the objection: contactable again on the remaining grounds. */
    @WithTransaction
    public Uni<Kol> withdrawObjection(UUID id, Request request) {
        return requestable(id, false).chain(kol -> change(kol, "objection-withdrawn", request,
                KolRights::objectionWithdrawn));
    }

    /**
     * The KOL grants, withdraws or refuses consent for one purpose. Sending the consent the KOL already has (same
     * status, source and evidence) changes nothing and keeps the first capture date.
     */
    @WithTransaction
    public Uni<Kol> consent(UUID id, ConsentDecision decision, Request request) {
        return requestable(id, false).chain(kol -> {
            DataProtection.Consent current = kol.rights().dataProtection().consents().get(decision.purpose());
            if (alreadyHas(current, decision)) {
                return Uni.createFrom().item(kol);
            }
            DataProtection.Consent consent = new DataProtection.Consent(decision.status(), request.at(), decision.source(),
                    decision.evidenceReference());
            return change(kol, "consent-" + decision.status().name().toLowerCase(java.util.Locale.ROOT), request,
                    rights -> rights.consent(decision.purpose(), consent));
        });
    }

    /** The same status, source and evidence as the consent the KOL has: nothing to change. */
    private static boolean alreadyHas(DataProtection.Consent current, ConsentDecision decision) {
        return current != null && current.status() == decision.status()
                && java.util.Objects.equals(current.source(), decision.source())
                && java.util.Objects.equals(current.evidenceReference(), decision.evidenceReference());
    }

    /** Do-not-contact, with its reason; the same reason again changes nothing. */
    @WithTransaction
    public Uni<Kol> doNotContact(UUID id, String reason, Request request) {
        return requestable(id, false).chain(kol -> {
            DoNotContact current = kol.rights().doNotContact();
            if (current.active() && reason.equals(current.reason())) {
                return Uni.createFrom().item(kol);
            }
            return change(kol, "do-not-contact-set", request,
                    rights -> rights.doNotContact(new DoNotContact(true, reason, request.at())));
        });
    }

    @WithTransaction
    public Uni<Kol> clearDoNotContact(UUID id, Request request) {
        return requestable(id, false).chain(kol -> kol.rights().doNotContact().active()
                ? change(kol, "do-not-contact-cleared", request, rights -> rights.doNotContact(DoNotContact.none()))
                : Uni.createFrom().item(kol));
    }

    @WithTransaction
    public Uni<Kol> lawfulBasis(UUID id, DataProtection.LawfulBasis basis, Request request) {
        return requestable(id, false).chain(kol -> change(kol, "lawful-basis-changed", request,
                rights -> rights.lawfulBasis(basis)));
    }

    /** The privacy notice (GDPR Art. 13/14) was sent to the KOL at {@code sentAt}. */
    @WithTransaction
    public Uni<Kol> privacyNoticeSent(UUID id, Instant sentAt, Request request) {
        notInTheFuture("sentAt", sentAt);
        return requestable(id, false).chain(kol -> change(kol, "privacy-notice-sent", request,
                rights -> rights.privacyNoticeSent(sentAt)));
    }

    /**
     * The KOL, locked, if the caller may file its rights requests (404 otherwise, as for a KOL they may not see).
     * An erased KOL is 409, except for an objection ({@code erasedIsFine}), which it has in effect already.
     */
    private Uni<Kol> requestable(UUID id, boolean erasedIsFine) {
        return kols.findForUpdate(id).map(kol -> access.readable(kol, id)).chain(kol -> {
            Uni<List<Msl>> assigned = access.rightsNeedDirectory() ? reference.msls(kol.assignedMsls())
                    : Uni.createFrom().item(List.of());
            return assigned.map(msls -> access.rightsRequestable(kol, id, msls));
        }).invoke(kol -> {
            if (kol.isErased() && !erasedIsFine) {
                throw DomainException.conflict("kol-erased", "KOL " + id + " was erased (GDPR Art. 17); its rights "
                        + "can no longer change");
            }
        });
    }

    private Uni<Kol> change(Kol kol, String action, Request request, UnaryOperator<KolRights> how) {
        notInTheFuture("receivedAt", request.receivedAt());
        Snapshot before = Snapshot.of(kol);
        if (!kol.changeRights(how.apply(kol.rights()), caller.subject())) {
            return Uni.createFrom().item(kol);
        }
        return audit.record(AuditRecord.of("kol", kol.id(), kol.version(), action, before, Snapshot.of(kol))
                .onBehalfOf(request.requestedBy()).because(request.reason()))
                .chain(() -> events.updated(kol)).replaceWith(kol);
    }

    private static void notInTheFuture(String field, Instant at) {
        if (at != null && at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw DomainException.invalid(field, "must not be in the future");
        }
    }
}
