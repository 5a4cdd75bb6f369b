package io.rapport.insight.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.replica.Replicas;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/**
 * Other services' records an insight or a share points at (an interaction, a medical information request),
 * from the replicas of their events. An id the caller may not see (another team's record) is treated exactly as
 * an id that does not exist, so a body cannot be used to probe or to link into another team's work.
 */
@ApplicationScoped
public class LinkedRecords {

    private final Replicas replicas;
    private final Visibility visibility;

    public LinkedRecords(Replicas replicas, Visibility visibility) {
        this.replicas = replicas;
        this.visibility = visibility;
    }

    /**
     * 422 {@code unknown-interaction} unless the interaction exists, the caller sees it and it is with one of
     * the KOL's ids (when the record names a KOL).
     */
    public Uni<Void> requireInteraction(UUID interactionId, UUID... kolIds) {
        if (interactionId == null) {
            return Uni.createFrom().voidItem();
        }
        return replicas.get(Replicated.INTERACTION, interactionId.toString(), Replicated.Interaction.class)
                .chain(interaction -> visibility.scope().invoke(scope -> {
                    if (interaction == null || !sees(scope, interaction.mslId(), interaction.team())
                            || !about(interaction.kolId(), kolIds)) {
                        throw DomainException.rule("unknown-interaction", "Interaction " + interactionId
                                + " does not exist" + (kolIds.length > 0 ? " with this KOL" : ""));
                    }
                })).replaceWithVoid();
    }

    /** The medical information request, if it exists and the caller sees it; 422 {@code unknown-medical-request} otherwise. */
    public Uni<Replicated.Request> request(UUID requestId) {
        if (requestId == null) {
            return Uni.createFrom().nullItem();
        }
        return replicas.get(Replicated.REQUEST, requestId.toString(), Replicated.Request.class)
                .chain(request -> visibility.scope().map(scope -> {
                    // A request replicated before teams were published carries no MSL: only who sees all links to it.
                    boolean seen = request != null && (scope.all() || sees(scope, request.mslId(), request.team()));
                    if (!seen) {
                        throw DomainException.rule("unknown-medical-request", "Medical information request "
                                + requestId + " does not exist");
                    }
                    return request;
                }));
    }

    private static boolean sees(Visibility.Scope scope, String msl, String team) {
        return scope.all() || msl != null && scope.sees(msl, team == null ? "" : team);
    }

    private static boolean about(String kolId, UUID... kolIds) {
        if (kolIds.length == 0 || kolIds[0] == null) {
            return true;
        }
        for (UUID id : kolIds) {
            if (id != null && id.toString().equals(kolId)) {
                return true;
            }
        }
        return false;
    }
}
