package io.rapport.insight.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.insight.persistence.ResourceRepository;
import io.rapport.insight.persistence.ShareRepository;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/**
 * Sharing approved content with a KOL: only an APPROVED, unexpired resource approved in the KOL's country, with
 * a KOL whose rights allow it (not erased, not objected, consented where consent is the basis) and who is active
 * and contactable on the channel, and reactive-only content only in answer to that KOL's unsolicited request.
 * An answer to a question the KOL initiated is what the KOL asked for: the rights rules do not refuse it, and
 * it records that legal basis. Each refusal names its rule.
 */
@ApplicationScoped
public class ShareService {

    private final ResourceRepository resources;
    private final ShareRepository shares;
    private final Directory directory;
    private final LinkedRecords linked;
    private final KolPseudonyms pseudonyms;
    private final Visibility visibility;
    private final InsightEvents events;
    private final Caller caller;

    public ShareService(ResourceRepository resources, ShareRepository shares, Directory directory, LinkedRecords linked,
            KolPseudonyms pseudonyms, Visibility visibility, InsightEvents events, Caller caller) {
        this.resources = resources;
        this.shares = shares;
        this.directory = directory;
        this.linked = linked;
        this.pseudonyms = pseudonyms;
        this.visibility = visibility;
        this.events = events;
        this.caller = caller;
    }

    /** What a share says: which resource went to which KOL, how, and in which context. */
    public record Request(UUID resourceId, UUID kolId, UUID interactionId, UUID medicalRequestId, Share.Channel channel,
            String mslId) {
    }

    /** A share as the caller may see it: in full when it is theirs to see, otherwise only who shared and when. */
    public record Seen(Share share, boolean full) {
    }

    @WithTransaction
    public Uni<Share> share(Request request) {
        String sharer = sharer(request.mslId());
        UUID pseudonym = pseudonyms.of(request.kolId());
        return resources.findById(request.resourceId()).chain(resource -> {
            requireShareable(resource, request.resourceId());
            return directory.kol(request.kolId().toString(), Replicated.Kol.class, false)
                    .chain(kol -> linked.request(request.medicalRequestId()).chain(medical -> {
                        LegalBasis legal = answersTheKol(medical, request.kolId(), pseudonym)
                                ? LegalBasis.KOL_REQUEST
                                : null;
                        requireAnswerIfReactive(resource, request, medical, legal);
                        KolRights.require(kol, KolRights.Record.SHARE, request.channel(), legal);
                        if (!kol.erased()) {
                            requireMarket(kol, resource);
                        }
                        UUID kolId = kol.erased() ? pseudonym : request.kolId();
                        return linked.requireInteraction(request.interactionId(), request.kolId(), pseudonym)
                                .chain(() -> directory.msl(sharer))
                                .chain(msl -> {
                                    Share share = new Share(resource.id(), kolId, msl.userId(), msl.team(),
                                            request.interactionId(), request.medicalRequestId(), request.channel(),
                                            msl.timeZone(), legal);
                                    return shares.persist(share).chain(() -> events.shared(share, resource))
                                            .replaceWith(share);
                                });
                    }));
        });
    }

    /**
     * A KOL's shares, newest first. Another team's shares show who shared and when, never what or in which
     * record: enough not to overload the KOL, nothing of the other team's work.
     *
     * <p>
     * The cursor holds no share id either, since the last share of a page may be another team's: it is the
     * last share's time and how many shares of exactly that time the caller was given (over consecutive pages
     * ending on the same time), and the next page passes those. A share of that time erased between two pages
     * can make the next page skip one; the list is a view of the KOL's load, not a ledger.
     */
    @WithSession
    public Uni<Page<Seen>> ofKol(UUID kolId, PageRequest page) {
        Instant at = page.keyOf(2).isFirst() ? null : page.afterInstant(0);
        int given = page.isFirst() ? 0 : given(page);
        return visibility.scope().chain(scope -> shares.ofKol(kolId, at, given, page.fetchSize())
                .map(rows -> page.page(rows, last -> position(rows.subList(0, page.limit()), at, given))
                        .map(s -> new Seen(s, scope.sees(s.mslId(), s.team())))));
    }

    /** How many shares of the cursor's time were given; a count no page could have produced is no cursor of ours. */
    private static int given(PageRequest page) {
        int given = page.afterInt(1);
        if (given < 0 || given > Integer.MAX_VALUE - PageRequest.MAX_LIMIT - 1) {
            throw DomainException.invalid("cursor", "not a cursor returned by this API");
        }
        return given;
    }

    /** The next page's cursor: the time of this page's last share and how many of that time were given so far. */
    static List<String> position(List<Share> items, Instant at, int given) {
        Instant last = items.get(items.size() - 1).sharedAt();
        long ofThatTime = items.stream().filter(s -> s.sharedAt().equals(last)).count();
        return List.of(last.toString(), String.valueOf(ofThatTime + (last.equals(at) ? given : 0)));
    }

    private static boolean answersTheKol(Replicated.Request medical, UUID kolId, UUID pseudonym) {
        return medical != null && medical.unsolicited()
                && (kolId.toString().equals(medical.kolId()) || pseudonym.toString().equals(medical.kolId()));
    }

    private static void requireShareable(Resource resource, UUID id) {
        if (resource == null) {
            throw DomainException.rule("unknown-resource", "Resource " + id + " does not exist");
        }
        switch (resource.status()) {
            case DRAFT -> throw DomainException.rule("resource-not-approved", "Resource " + id + " is not approved yet");
            case WITHDRAWN -> throw DomainException.rule("resource-withdrawn", "Resource " + id + " was withdrawn");
            case APPROVED -> {
                if (resource.expired(Instant.now())) {
                    throw DomainException.rule("resource-expired", "The approval of resource " + id + " expired on "
                            + resource.expiresAt());
                }
            }
        }
    }

    private static void requireMarket(Replicated.Kol kol, Resource resource) {
        if (kol.country() == null || !resource.markets().contains(kol.country())) {
            throw DomainException.rule("market-not-approved", "Resource " + resource.id() + " is approved in "
                    + resource.markets() + ", not in the KOL's country " + kol.country());
        }
    }

    /**
     * Reactive-only content answers this KOL's unsolicited request, and nothing else; a request of another KOL
     * is no context for any share.
     */
    private static void requireAnswerIfReactive(Resource resource, Request request, Replicated.Request medical,
            LegalBasis legal) {
        if (resource.usage() == ResourceDocument.Usage.REACTIVE_ONLY && legal == null) {
            throw DomainException.rule("reactive-only", "Resource " + resource.id() + " is shared only in answer to "
                    + "the KOL's unsolicited medical information request (medicalRequestId)"
                    + (request.medicalRequestId() == null ? ""
                            : "; request " + request.medicalRequestId()
                                    + " is not an unsolicited request of this KOL"));
        }
        if (medical != null && legal == null && !request.kolId().toString().equals(medical.kolId())) {
            throw DomainException.rule("unknown-medical-request", "Medical information request "
                    + request.medicalRequestId() + " is not one of this KOL's");
        }
    }

    /** Who shared: the caller, or the MSL an integration (or admin) names. */
    private String sharer(String requested) {
        if (requested == null || requested.equals(caller.subject())) {
            if (requested == null && caller.isAny(Roles.INTEGRATION, Roles.ADMIN) && !caller.is(Roles.MSL)) {
                throw DomainException.invalid("mslId", "required: name the MSL who shared");
            }
            return caller.subject();
        }
        if (!caller.isAny(Roles.INTEGRATION, Roles.ADMIN)) {
            throw DomainException.forbidden("An MSL records only their own shares");
        }
        return requested;
    }
}
