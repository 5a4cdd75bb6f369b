package io.rapport.interaction.domain;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.replica.Replicas;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Who may change an MSL's records: the MSL, admins and integrations, and a medical manager only for the MSLs
 * they manage now per the directory replica (an MSL who moved to another team, or left, is no longer theirs).
 * A manager gets 404 for anyone else's records, as for records they cannot see.
 */
@ApplicationScoped
public class WriteAccess {

    private final Caller caller;
    private final Directory directory;
    private final Replicas replicas;

    public WriteAccess(Caller caller, Directory directory, Replicas replicas) {
        this.caller = caller;
        this.directory = directory;
        this.replicas = replicas;
    }

    /** 403 for a reader, 404 for a manager of other MSLs; nothing when the caller may change the record. */
    public Uni<Void> require(String msl, String team, String what, Object id) {
        if (caller.isAny(Roles.ADMIN, Roles.INTEGRATION) || caller.subject().equals(msl)) {
            return Uni.createFrom().voidItem();
        }
        if (caller.is(Roles.MEDICAL_MANAGER)) {
            return manages(msl, team).invoke(managed -> {
                if (!managed) {
                    throw DomainException.notFound(what, id);
                }
            }).replaceWithVoid();
        }
        return Uni.createFrom().failure(DomainException.forbidden("You may read this record but not change it"));
    }

    /** Whether the calling manager manages this MSL now: the record's team and the MSL's current team are theirs. */
    Uni<Boolean> manages(String msl, String recordTeam) {
        return directory.teamsManagedBy(caller.subject()).chain(teams -> {
            if (recordTeam != null && !teams.contains(recordTeam)) {
                return Uni.createFrom().item(false);
            }
            return replicas.get(Replicated.MSL, msl, Replicated.Msl.class)
                    .map(entry -> entry != null && !entry.left() && teams.contains(entry.team()));
        });
    }

    /**
     * An MSL named in a body (a follow-up's assignee) must be one the caller may give work to: themselves or an
     * MSL of the record's team; for a manager an MSL they manage; admins and integrations anyone. Anyone else is
     * treated as an MSL the directory does not know (422 unknown-msl), so a body cannot reach another team.
     */
    public Uni<Directory.Entry> assignable(String assignee, String recordTeam) {
        return directory.msl(assignee).chain(entry -> {
            if (caller.isAny(Roles.ADMIN, Roles.INTEGRATION) || caller.subject().equals(assignee)) {
                return Uni.createFrom().item(entry);
            }
            Uni<Set<String>> allowed = caller.is(Roles.MEDICAL_MANAGER) ? directory.teamsManagedBy(caller.subject())
                    : Uni.createFrom().item(recordTeam == null ? Set.of() : Set.of(recordTeam));
            return allowed.map(teams -> {
                if (!teams.contains(entry.team())) {
                    throw DomainException.rule("unknown-msl", "MSL " + assignee + " does not exist");
                }
                return entry;
            });
        });
    }

    public boolean isCaller(String user) {
        return caller.subject().equals(user);
    }
}
