package io.rapport.metrics.domain;

import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/** A committed projection transaction: which numbers changed (everything, after an erasure or a rebuild). */
public record Change(long seq, boolean all, Set<String> msls, Set<String> teams, Set<UUID> kols, Set<String> areas) {

    public Change {
        msls = msls == null ? Set.of() : msls;
        teams = teams == null ? Set.of() : teams;
        kols = kols == null ? Set.of() : kols;
        areas = areas == null ? Set.of() : areas;
    }

    /** Whether the numbers of this scope may have changed. */
    public boolean concerns(Scope scope) {
        if (all) {
            return true;
        }
        return switch (scope.kind()) {
            case MSL -> msls.contains(scope.msl());
            case KOL -> kols.contains(scope.kol());
            case TEAMS -> scope.teams() == null ? !msls.isEmpty() || !teams.isEmpty() || !kols.isEmpty()
                    : !Collections.disjoint(scope.teams(), teams);
            case AREA -> areas.contains(scope.area()) && (scope.teams() == null || !Collections.disjoint(scope.teams(), teams));
        };
    }
}
