package io.rapport.kol.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.kol.persistence.ErasedIdentifierRepository;
import io.rapport.kol.persistence.KolIdentifierRepository;
import io.rapport.kol.persistence.KolRepository;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.domain.FieldError;
import io.rapport.platform.domain.Patch;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Creating and changing KOL profiles: each change is checked against the reference data and the identifier
 * index, written with its audit entry and its event in one transaction, and only when something changed.
 */
@ApplicationScoped
public class KolService {

    private final KolRepository kols;
    private final KolIdentifierRepository identifiers;
    private final ErasedIdentifierRepository erasedIdentifiers;
    private final ErasureHash erasureHash;
    private final ReferenceData reference;
    private final KolAccess access;
    private final KolEvents events;
    private final AuditTrail audit;
    private final Caller caller;

    public KolService(KolRepository kols, KolIdentifierRepository identifiers, ErasedIdentifierRepository erasedIdentifiers,
            ErasureHash erasureHash, ReferenceData reference, KolAccess access, KolEvents events, AuditTrail audit,
            Caller caller) {
        this.kols = kols;
        this.identifiers = identifiers;
        this.erasedIdentifiers = erasedIdentifiers;
        this.erasureHash = erasureHash;
        this.reference = reference;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
    }

    /** How an upsert ended. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Saved(Kol kol, Outcome outcome) {
    }

    @WithTransaction
    public Uni<Kol> create(KolProfile profile) {
        List<String> assigned = access.createsAsMsl() ? List.of(caller.subject()) : List.of();
        Kol kol = Kol.create(UUID.randomUUID(), profile, caller.subject(), assigned);
        return checked(profile)
                .chain(() -> kols.persist(kol)).chain(() -> kols.flush())
                .chain(() -> claimIdentifiers(kol))
                .chain(() -> audit.record(AuditRecord.of("kol", kol.id(), kol.version(), "created", null, Snapshot.of(kol))))
                .chain(() -> events.created(kol))
                .replaceWith(kol);
    }

    /**
     * A change of the profile relative to the current one, at the version the client read (the edge has already
     * refused a change of the rights: they are not part of the profile).
     */
    @WithTransaction
    public Uni<Kol> patch(UUID id, ExpectedVersion expected, Patch<KolProfile> patch) {
        return kols.findForUpdate(id).map(kol -> access.changeable(kol, id)).chain(kol -> {
            expected.check(kol.version());
            return save(kol, patch.applyTo(kol.profile()), "updated").map(Saved::kol);
        });
    }

    /**
     * The CRM sync: the profile of the KOL with this external id becomes exactly {@code profile}; created when
     * unknown, unchanged (no new version, no event) when it is the same. The rights stay as they are.
     */
    @WithTransaction
    public Uni<Saved> upsert(String system, String externalId, KolProfile profile) {
        KolIdentifiers.External key = new KolIdentifiers.External(system, externalId);
        profile.identifiers().external().stream()
                .filter(e -> e.system().equals(system) && !e.id().equals(externalId)).findAny()
                .ifPresent(e -> {
                    throw DomainException.invalid("identifiers.external",
                            "the " + system + " id must be the one in the path (" + externalId + ")");
                });
        KolProfile complete = profile.withIdentifiers(profile.identifiers().with(key));
        return identifiers.holder("EXTERNAL:" + system, externalId).chain(holder -> holder == null
                ? create(complete).map(kol -> new Saved(kol, Outcome.CREATED))
                : kols.findForUpdate(holder).map(kol -> access.changeable(kol, holder))
                        .chain(kol -> save(kol, complete, "upserted")));
    }

    /**
     * Replaces the assigned MSLs. A manager changes only the assignments of MSLs they manage, per the directory:
     * every MSL they add or remove must be theirs, while another team's MSLs already assigned may stay in the list.
     */
    @WithTransaction
    public Uni<Kol> assign(UUID id, ExpectedVersion expected, List<String> msls) {
        List<String> wanted = msls.stream().distinct().sorted().toList();
        return kols.findForUpdate(id).map(kol -> access.changeable(kol, id)).chain(kol -> {
            expected.check(kol.version());
            if (kol.assignedMsls().equals(wanted)) {
                return Uni.createFrom().item(kol);
            }
            List<String> removed = kol.assignedMsls().stream().filter(m -> !wanted.contains(m)).toList();
            List<String> added = wanted.stream().filter(m -> !kol.assignedMsls().contains(m)).toList();
            return reference.msls(Stream.concat(wanted.stream(), removed.stream()).toList())
                    .invoke(known -> checkAssignable(wanted, added, removed, known))
                    .chain(known -> assigned(kol, wanted));
        });
    }

    private Uni<Kol> assigned(Kol kol, List<String> wanted) {
        Snapshot before = Snapshot.of(kol);
        kol.assign(wanted, caller.subject());
        return audit.record(AuditRecord.of("kol", kol.id(), kol.version(), "assigned", before, Snapshot.of(kol)))
                .chain(() -> events.updated(kol)).replaceWith(kol);
    }

    Uni<Saved> save(Kol kol, KolProfile changed, String action) {
        Snapshot before = Snapshot.of(kol);
        return checked(changed).chain(() -> {
            if (!kol.update(changed, caller.subject())) {
                return Uni.createFrom().item(new Saved(kol, Outcome.UNCHANGED));
            }
            return claimIdentifiers(kol)
                    .chain(() -> audit.record(AuditRecord.of("kol", kol.id(), kol.version(), action, before,
                            Snapshot.of(kol))))
                    .chain(() -> events.updated(kol))
                    .replaceWith(new Saved(kol, Outcome.UPDATED));
        });
    }

    /** The profile rules Bean Validation cannot check: known therapeutic areas and research topics, no erased status. */
    private Uni<Void> checked(KolProfile profile) {
        if (profile.status() == KolStatus.ERASED) {
            throw DomainException.invalid("status", "ERASED is set only by an erasure (POST /kols/{id}/erasure)");
        }
        return reference.requireKnown(profile.therapeuticAreas(), profile.researchTopics());
    }

    /** Refuses identifiers of erased KOLs (409 kol-erased) or held by another KOL (409 naming it). */
    private Uni<Void> claimIdentifiers(Kol kol) {
        List<String[]> claims = kol.identifierClaims();
        return erasedIdentifiers.anyErased(erasureHash.of(claims)).chain(erased -> {
            if (erased) {
                throw DomainException.conflict("kol-erased", "An identifier of this profile belonged to a KOL who "
                        + "was erased (GDPR Art. 17); the profile cannot be re-created");
            }
            return identifiers.claim(kol.id(), claims);
        }).invoke(taken -> taken.ifPresent(t -> {
            throw DomainException.conflict("identifier-taken", t.kind() + " " + t.value() + " belongs to KOL "
                    + t.otherKolId()).with("otherKolId", t.otherKolId()).with("identifier", t.kind());
        })).replaceWithVoid();
    }

    private void checkAssignable(List<String> wanted, List<String> added, List<String> removed, List<Msl> known) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String msl = wanted.get(i);
            Msl entry = entry(known, msl);
            if (entry == null) {
                errors.add(new FieldError("msls[" + i + "]", "'" + msl + "' is not in the MSL directory"));
            } else if (added.contains(msl) && !manages(entry)) {
                throw DomainException.forbidden("A medical manager assigns only the MSLs they manage; " + msl
                        + " is managed by someone else");
            }
        }
        for (String msl : removed) {
            Msl entry = entry(known, msl);
            // an MSL who left the directory has no manager to protect them: any manager may take them off
            if (entry != null && !manages(entry)) {
                throw DomainException.forbidden("A medical manager unassigns only the MSLs they manage; " + msl
                        + " is managed by someone else");
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static Msl entry(List<Msl> known, String msl) {
        return known.stream().filter(m -> m.userId().equals(msl)).findFirst().orElse(null);
    }

    /** Admins and integrations manage everyone; a medical manager the MSLs whose directory entry names them. */
    private boolean manages(Msl entry) {
        return !caller.is(Roles.MEDICAL_MANAGER)
                || caller.is(Roles.ADMIN)
                || caller.subject().equals(entry.entry().manager());
    }
}
