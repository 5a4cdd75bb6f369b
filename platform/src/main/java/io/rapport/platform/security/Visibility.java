package io.rapport.platform.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.replica.Directory;
import io.smallrye.mutiny.Uni;

/**
 * Who sees whose records: an MSL their own, a medical manager those of the teams they manage per the MSL
 * directory (not per a token claim), admins, reporting and integrations all. Records carry their MSL and the
 * MSL's team at the time they were recorded.
 */
@ApplicationScoped
public class Visibility {

    private final Caller caller;
    private final Directory directory;

    public Visibility(Caller caller, Directory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** What the caller may see. */
    public record Scope(boolean all, String self, Set<String> teams) {

        public boolean sees(String msl, String team) {
            return all || self.equals(msl) || teams.contains(team);
        }
    }

    public Uni<Scope> scope() {
        String self = caller.subject();
        if (caller.isAny(Roles.ADMIN, Roles.REPORTING, Roles.INTEGRATION)) {
            return Uni.createFrom().item(new Scope(true, self, Set.of()));
        }
        if (caller.is(Roles.MEDICAL_MANAGER)) {
            return directory.teamsManagedBy(self).map(teams -> new Scope(false, self, teams));
        }
        return Uni.createFrom().item(new Scope(false, self, Set.of()));
    }

    /** May the caller change records of this MSL? Their own, their team's (managers), anyone's (admins, integrations). */
    public Uni<Boolean> mayWriteFor(String msl, String team) {
        if (caller.isAny(Roles.ADMIN, Roles.INTEGRATION) || caller.subject().equals(msl)) {
            return Uni.createFrom().item(true);
        }
        if (caller.is(Roles.MEDICAL_MANAGER)) {
            return directory.teamsManagedBy(caller.subject()).map(teams -> teams.contains(team));
        }
        return Uni.createFrom().item(false);
    }
}
