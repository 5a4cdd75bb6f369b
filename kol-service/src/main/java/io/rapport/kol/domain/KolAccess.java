package io.rapport.kol.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;

/**
 * Object-level rules on KOLs, beyond the role checks of the API: an MSL reads every KOL that is not erased
 * and changes only those assigned to them; managers and admins change all; integrations sync all. Rights
 * requests are narrower: see {@link #rightsRequestable}.
 */
@ApplicationScoped
public class KolAccess {

    private final Caller caller;

    public KolAccess(Caller caller) {
        this.caller = caller;
    }

    /** 404 for a KOL the caller may not see (an MSL does not learn that an erased KOL existed). */
    public Kol readable(Kol kol, UUID id) {
        if (kol == null || kol.isErased() && onlyMsl()) {
            throw DomainException.notFound("KOL", id);
        }
        return kol;
    }

    /** The KOL, if the caller may change it; an erased KOL is 409, an MSL not assigned to it is 403. */
    public Kol changeable(Kol kol, UUID id) {
        readable(kol, id);
        if (kol.isErased()) {
            throw DomainException.conflict("kol-erased", "KOL " + id + " was erased (GDPR Art. 17) and cannot change");
        }
        if (onlyMsl() && !kol.isAssigned(caller.subject())) {
            throw DomainException.forbidden("Only the MSLs assigned to KOL " + id + " (or a manager) may change it");
        }
        return kol;
    }

    /**
     * The KOL, if the caller may file or withdraw its rights requests: admins, integrations (the CRM consent
     * feed), the MSLs assigned to it and the managers of those MSLs per the directory ({@code assigned}: the
     * directory entries of the assigned MSLs). Anyone else gets 404, as for a KOL they may not see.
     */
    public Kol rightsRequestable(Kol kol, UUID id, java.util.List<Msl> assigned) {
        readable(kol, id);
        if (caller.isAny(Roles.ADMIN, Roles.INTEGRATION)) {
            return kol;
        }
        if (caller.is(Roles.MSL) && kol.isAssigned(caller.subject())) {
            return kol;
        }
        if (caller.is(Roles.MEDICAL_MANAGER) && assigned.stream()
                .anyMatch(m -> kol.isAssigned(m.userId()) && caller.subject().equals(m.entry().manager()))) {
            return kol;
        }
        throw DomainException.notFound("KOL", id);
    }

    /** Whether {@link #rightsRequestable} needs the directory (only for a manager who is not admin or integration). */
    public boolean rightsNeedDirectory() {
        return caller.is(Roles.MEDICAL_MANAGER) && !caller.isAny(Roles.ADMIN, Roles.INTEGRATION);
    }

    /** MSLs who create a KOL are assigned to it. */
    public boolean createsAsMsl() {
        return onlyMsl();
    }

    private boolean onlyMsl() {
        return caller.is(Roles.MSL) && !caller.isAny(Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION,
                Roles.REPORTING);
    }
}
