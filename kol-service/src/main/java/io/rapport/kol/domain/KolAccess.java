package io.rapport.kol.domain;

import io.rapport.platform.api.ProblemException;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Object-level rules on KOLs, beyond the role checks of the API: an MSL reads every KOL that is not erased
 * and changes only those assigned to them; managers and admins change all; integrations sync all.
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
            throw ProblemException.notFound("KOL", id);
        }
        return kol;
    }

    /** The KOL, if the caller may change it; an erased KOL is 409, an MSL not assigned to it is 403. */
    public Kol changeable(Kol kol, UUID id) {
        readable(kol, id);
        if (kol.isErased()) {
            throw ProblemException.conflict("kol-erased", "KOL " + id + " was erased (GDPR Art. 17) and cannot change");
        }
        if (onlyMsl() && !kol.isAssigned(caller.subject())) {
            throw ProblemException.forbidden("Only the MSLs assigned to KOL " + id + " (or a manager) may change it");
        }
        return kol;
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
