package io.rapport.insight.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.insight.persistence.ResourceRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.api.Page;
import io.rapport.platform.api.PageRequest;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.replica.Replicas;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sharing approved content with a KOL: only an APPROVED, unexpired resource approved in the KOL's country, with
 * a KOL who is active and contactable on the channel, and reactive-only content only in answer to that KOL's
 * unsolicited request. Each refusal names its rule.
 */
@ApplicationScoped
public class ShareService {

    private final ResourceRepository resources;
    private final ShareRepository shares;
    private final Directory directory;
    private final Replicas replicas;
    private final InsightEvents events;
    private final Caller caller;

    public ShareService(ResourceRepository resources, ShareRepository shares, Directory directory, Replicas replicas,
            InsightEvents events, Caller caller) {
        this.resources = resources;
        this.shares = shares;
        this.directory = directory;
        this.replicas = replicas;
        this.events = events;
        this.caller = caller;
    }

    /** What a share says: which resource went to which KOL, how, and in which context. */
    public record Request(UUID resourceId, UUID kolId, UUID interactionId, UUID medicalRequestId, Share.Channel channel,
            String mslId) {
    }

    @WithTransaction
    public Uni<Share> share(Request request) {
        return resources.findById(request.resourceId()).chain(resource -> {
            requireShareable(resource, request.resourceId());
            return directory.kol(request.kolId().toString(), Replicated.Kol.class, false)
                    .invoke(kol -> requireReachable(kol, resource, request.channel()))
                    .chain(() -> requireRequestFor(resource, request))
                    .chain(() -> directory.msl(sharer(request.mslId())))
                    .chain(msl -> {
                        Share share = new Share(resource.id(), request.kolId(), msl.userId(), msl.team(),
                                request.interactionId(), request.medicalRequestId(), request.channel(), msl.timeZone());
                        return shares.persist(share).chain(() -> events.shared(share, resource)).replaceWith(share);
                    });
        });
    }

    @WithSession
    public Uni<Page<Share>> ofKol(UUID kolId, PageRequest page) {
        return shares.ofKol(kolId, page).map(rows -> page.page(rows, s -> List.of(s.sharedAt().toString(),
                s.id().toString())));
    }

    private static void requireShareable(Resource resource, UUID id) {
        if (resource == null) {
            throw ProblemException.rule("unknown-resource", "Resource " + id + " does not exist");
        }
        switch (resource.status()) {
            case DRAFT -> throw ProblemException.rule("resource-not-approved", "Resource " + id + " is not approved yet");
            case WITHDRAWN -> throw ProblemException.rule("resource-withdrawn", "Resource " + id + " was withdrawn");
            case APPROVED -> {
                if (resource.expired(Instant.now())) {
                    throw ProblemException.rule("resource-expired", "The approval of resource " + id + " expired on "
                            + resource.expiresAt());
                }
            }
        }
    }

    private static void requireReachable(Replicated.Kol kol, Resource resource, Share.Channel channel) {
        if (!"ACTIVE".equals(kol.status())) {
            throw ProblemException.rule("kol-not-active", "KOL " + kol.kolId() + " is " + kol.status());
        }
        Replicated.Contactability contactability = kol.contactability();
        if (contactability != null && !contactability.contactable()) {
            String reason = contactability.reason() == null ? "not-contactable" : contactability.reason();
            throw ProblemException.rule(reason, "KOL " + kol.kolId() + " may not be contacted (" + reason + ")");
        }
        if (channel == Share.Channel.EMAIL && contactability != null && !contactability.emailAllowed()) {
            throw ProblemException.rule("no-email-consent", "KOL " + kol.kolId() + " withdrew or refused consent to "
                    + "e-mail contact");
        }
        if (kol.country() == null || !resource.markets().contains(kol.country())) {
            throw ProblemException.rule("market-not-approved", "Resource " + resource.id() + " is approved in "
                    + resource.markets() + ", not in the KOL's country " + kol.country());
        }
    }

    /** Reactive-only content answers this KOL's unsolicited request, and nothing else. */
    private Uni<Void> requireRequestFor(Resource resource, Request request) {
        if (resource.usage() != ResourceDocument.Usage.REACTIVE_ONLY) {
            return Uni.createFrom().voidItem();
        }
        if (request.medicalRequestId() == null) {
            throw ProblemException.rule("reactive-only", "Resource " + resource.id() + " is shared only in answer to "
                    + "the KOL's unsolicited medical information request (medicalRequestId)");
        }
        return replicas.get(Replicated.REQUEST, request.medicalRequestId().toString(), Replicated.Request.class)
                .invoke(medical -> {
                    if (medical == null || !request.kolId().toString().equals(medical.kolId()) || !medical.unsolicited()) {
                        throw ProblemException.rule("reactive-only", "Request " + request.medicalRequestId()
                                + " is not an unsolicited request of this KOL");
                    }
                }).replaceWithVoid();
    }

    /** Who shared: the caller, or the MSL an integration (or admin) names. */
    private String sharer(String requested) {
        if (requested == null || requested.equals(caller.subject())) {
            if (requested == null && caller.isAny(Roles.INTEGRATION, Roles.ADMIN) && !caller.is(Roles.MSL)) {
                throw ProblemException.badRequest("mslId", "required: name the MSL who shared");
            }
            return caller.subject();
        }
        if (!caller.isAny(Roles.INTEGRATION, Roles.ADMIN)) {
            throw ProblemException.forbidden("An MSL records only their own shares");
        }
        return requested;
    }
}
