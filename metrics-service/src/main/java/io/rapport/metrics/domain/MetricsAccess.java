package io.rapport.metrics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.metrics.persistence.HealthReader;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.replica.Replicas;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Whose numbers the caller may read: reporting and admin everything; a medical manager the teams they manage
 * per the MSL directory; an MSL only their own. Turns a request's filters into the {@link Scope} to read.
 */
@ApplicationScoped
public class MetricsAccess {

    private final Caller caller;
    private final Directory directory;
    private final Replicas replicas;
    private final HealthReader health;

    public MetricsAccess(Caller caller, Directory directory, Replicas replicas,
            HealthReader health) {
        this.caller = caller;
        this.directory = directory;
        this.replicas = replicas;
        this.health = health;
    }

    private boolean seesAll() {
        return caller.isAny(Roles.ADMIN, Roles.REPORTING);
    }

    /** The scope of a summary or coverage: the given team and/or area, within what the caller sees. */
    public Uni<Scope> scope(String team, String area) {
        plain("team", team);
        plain("therapeuticArea", area);
        if (seesAll()) {
            Set<String> teams = team == null ? null : Set.of(team);
            return Uni.createFrom().item(area == null ? Scope.teams(teams) : Scope.area(area, teams));
        }
        if (caller.is(Roles.MEDICAL_MANAGER)) {
            return managedTeams(team).map(teams -> area == null ? Scope.teams(teams) : Scope.area(area, teams));
        }
        if (area != null) {
            throw DomainException.invalid("therapeuticArea", "an MSL's own numbers are not split by therapeutic area");
        }
        return ownTeam().map(own -> {
            if (team != null && !team.equals(own)) {
                throw DomainException.forbidden("An MSL reads only their own numbers");
            }
            return Scope.msl(caller.subject());
        });
    }

    public Uni<Scope> msl(String mslId) {
        named("MSL", mslId);
        if (seesAll() || mslId.equals(caller.subject()) && caller.is(Roles.MSL)) {
            return Uni.createFrom().item(Scope.msl(mslId));
        }
        if (!caller.is(Roles.MEDICAL_MANAGER)) {
            throw DomainException.forbidden("An MSL reads only their own numbers");
        }
        return replicas.get(Directory.MSL, mslId, Directory.Entry.class).chain(entry -> {
            if (entry == null) {
                throw DomainException.notFound("MSL", mslId);
            }
            return managedTeams(entry.team()).replaceWith(Scope.msl(mslId));
        });
    }

    public Uni<Scope> team(String team) {
        named("Team", team);
        if (seesAll()) {
            return Uni.createFrom().item(Scope.teams(Set.of(team)));
        }
        if (!caller.is(Roles.MEDICAL_MANAGER)) {
            throw DomainException.forbidden("Team numbers are for medical managers, reporting and admins");
        }
        return managedTeams(team).map(Scope::teams);
    }

    public Uni<Scope> area(String area) {
        named("Therapeutic area", area);
        if (seesAll()) {
            return Uni.createFrom().item(Scope.area(area, null));
        }
        if (!caller.is(Roles.MEDICAL_MANAGER)) {
            throw DomainException.forbidden("Therapeutic area numbers are for medical managers, reporting and admins");
        }
        return managedTeams(null).map(teams -> Scope.area(area, teams));
    }

    /** An MSL reads the numbers of the KOLs assigned to them; managers, reporting and admins of any KOL. */
    public Uni<Scope> kol(UUID kolId) {
        if (seesAll() || caller.is(Roles.MEDICAL_MANAGER)) {
            return Uni.createFrom().item(Scope.kol(kolId));
        }
        return health.assignedMsls(kolId).map(msls -> {
            if (!msls.contains(caller.subject())) {
                throw DomainException.forbidden("An MSL reads the numbers of the KOLs assigned to them");
            }
            return Scope.kol(kolId);
        });
    }

    /** The MSLs whose assigned KOLs a health list or coverage covers; null: every KOL. */
    public Uni<List<String>> msls(String team) {
        plain("team", team);
        if (seesAll()) {
            return team == null ? Uni.createFrom().nullItem() : mslsOf(Set.of(team));
        }
        if (caller.is(Roles.MEDICAL_MANAGER)) {
            return managedTeams(team).chain(this::mslsOf);
        }
        return ownTeam().map(own -> {
            if (team != null && !team.equals(own)) {
                throw DomainException.forbidden("An MSL reads only their own numbers");
            }
            return List.of(caller.subject());
        });
    }

    /** The teams a manager reads: the one asked for (if they manage it) or all they manage. */
    private Uni<Set<String>> managedTeams(String team) {
        return directory.teamsManagedBy(caller.subject()).map(all -> {
            // a name SQL arrays would split (no event under it is counted) must not widen what is read
            Set<String> managed = all.stream().filter(Plain.Check::holds).collect(java.util.stream.Collectors.toSet());
            if (team != null && !managed.contains(team)) {
                throw DomainException.forbidden("You do not manage team " + team);
            }
            return team != null ? Set.of(team) : managed;
        });
    }

    /**
     * Names from a request reach SQL arrays, whose separators are control characters (platform SqlArrays): a team
     * "a&lt;U+001F&gt;b" would read teams a and b. No name Rapport counts has one, so such a name is a 400.
     */
    private static void plain(String field, String name) {
        if (!Plain.Check.holds(name)) {
            throw DomainException.invalid(field, "must not contain control characters");
        }
    }

    /** The same in a path: such a name names nothing (a malformed id is a 404, docs/api.md). */
    private static void named(String what, String name) {
        if (!Plain.Check.holds(name)) {
            throw DomainException.notFound(what, "with control characters");
        }
    }

    private Uni<List<String>> mslsOf(Set<String> teams) {
        Uni<List<String>> all = Uni.createFrom().item(new ArrayList<>());
        for (String team : teams) {
            all = all.chain(list -> replicas.idsWhere(Directory.MSL, "team", team).map(ids -> {
                list.addAll(ids);
                return list;
            }));
        }
        return all;
    }

    private Uni<String> ownTeam() {
        return replicas.get(Directory.MSL, caller.subject(), Directory.Entry.class)
                .map(entry -> entry == null ? null : entry.team());
    }
}
