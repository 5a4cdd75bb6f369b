package io.rapport.metrics.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Whose numbers: one MSL, one KOL, some teams (null: all), or a therapeutic area within some teams (null:
 * all). Decided by {@link MetricsAccess} from the caller's role and the directory, never by the query alone.
 */
public record Scope(Kind kind, String msl, UUID kol, Set<String> teams, String area) {

    public enum Kind {
        MSL,
        KOL,
        TEAMS,
        AREA
    }

    public static Scope msl(String msl) {
        return new Scope(Kind.MSL, msl, null, null, null);
    }

    public static Scope kol(UUID kol) {
        return new Scope(Kind.KOL, null, kol, null, null);
    }

    /** {@code teams} null means every team. */
    public static Scope teams(Set<String> teams) {
        return new Scope(Kind.TEAMS, null, null, teams == null ? null : Set.copyOf(teams), null);
    }

    public static Scope area(String area, Set<String> teams) {
        return new Scope(Kind.AREA, null, null, teams == null ? null : Set.copyOf(teams), area);
    }

    /** How the scope reads in a response: "msl:msl-ada", "teams:a,b", "area:ONCOLOGY", "all". */
    public String label() {
        return switch (kind) {
            case MSL -> "msl:" + msl;
            case KOL -> "kol:" + kol;
            case TEAMS -> teams == null ? "all" : "teams:" + String.join(",", new java.util.TreeSet<>(teams));
            case AREA -> "area:" + area + (teams == null ? "" : " teams:" + String.join(",", new java.util.TreeSet<>(teams)));
        };
    }
}
