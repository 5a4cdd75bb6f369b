package io.rapport.insight.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Who sees and curates which insights: the author their drafts; an MSL the submitted-or-later insights of
 * their team; a medical manager those of the teams they manage (per the directory), which they curate;
 * admins everything; reporting and integrations everything but drafts.
 */
@ApplicationScoped
public class InsightAccess {

    public static final String SELF_APPROVAL = "self-approval";

    private final Caller caller;
    private final Directory directory;

    public InsightAccess(Caller caller, Directory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** What the caller sees: their own insights, plus non-draft ones of {@code teams} (or of all teams). */
    public record Scope(String self, boolean allTeams, Set<String> teams, boolean drafts) {

        public boolean sees(Insight insight) {
            if (insight.author().equals(self)) {
                return true;
            }
            if (insight.status() == InsightStatus.DRAFT && !drafts) {
                return false;
            }
            return allTeams || teams.contains(insight.team());
        }
    }

    public Uni<Scope> scope() {
        String self = caller.subject();
        if (caller.is(Roles.ADMIN)) {
            return Uni.createFrom().item(new Scope(self, true, Set.of(), true));
        }
        if (caller.isAny(Roles.REPORTING, Roles.INTEGRATION)) {
            return Uni.createFrom().item(new Scope(self, true, Set.of(), false));
        }
        Uni<Set<String>> managed = caller.is(Roles.MEDICAL_MANAGER) ? directory.teamsManagedBy(self)
                : Uni.createFrom().item(Set.of());
        return managed.chain(teams -> ownTeam(self).map(own -> {
            Set<String> all = new HashSet<>(teams);
            own.ifPresent(all::add);
            return new Scope(self, false, all, false);
        }));
    }

    /** 404 unless the caller sees it. */
    public Uni<Insight> visible(Insight insight, UUID id) {
        if (insight == null) {
            return Uni.createFrom().failure(DomainException.notFound("Insight", id));
        }
        return scope().map(scope -> {
            if (!scope.sees(insight)) {
                throw DomainException.notFound("Insight", id);
            }
            return insight;
        });
    }

    /** Only the author edits, submits and reworks their insight. */
    public void requireAuthor(Insight insight) {
        if (!insight.author().equals(caller.subject())) {
            throw DomainException.forbidden("Only the author of insight " + insight.id() + " may do this");
        }
    }

    /**
     * Only a medical manager of the author's team curates (validates, rejects, records the action), and never
     * their own insight: the four-eyes principle holds even for a manager who wrote one.
     */
    public Uni<Void> requireCurator(Insight insight) {
        if (!caller.is(Roles.MEDICAL_MANAGER)) {
            throw DomainException.forbidden("Only a medical manager curates insights");
        }
        if (insight.author().equals(caller.subject())) {
            throw selfApproval("You wrote insight " + insight.id() + "; another medical manager curates it");
        }
        return directory.teamsManagedBy(caller.subject()).invoke(teams -> {
            if (!teams.contains(insight.team())) {
                throw DomainException.forbidden("Insight " + insight.id() + " belongs to a team you do not manage");
            }
        }).replaceWithVoid();
    }

    /** 403 {@code self-approval}: nobody approves their own compliance-relevant work. */
    public static DomainException selfApproval(String detail) {
        return DomainException.forbidden(SELF_APPROVAL, detail);
    }

    private Uni<java.util.Optional<String>> ownTeam(String self) {
        if (!caller.is(Roles.MSL)) {
            return Uni.createFrom().item(java.util.Optional.empty());
        }
        return directory.msl(self).map(entry -> java.util.Optional.of(entry.team()))
                .onFailure(DomainException.class).recoverWithItem(java.util.Optional.empty());
    }
}
