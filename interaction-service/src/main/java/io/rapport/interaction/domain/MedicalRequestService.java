package io.rapport.interaction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rapport.interaction.config.InteractionConfig;
import io.rapport.interaction.domain.InteractionEvents.RequestChange;
import io.rapport.interaction.persistence.InteractionRepository;
import io.rapport.interaction.persistence.MedicalRequestRepository;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.audit.AuditRecord;
import io.rapport.platform.audit.AuditTrail;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.ExpectedVersion;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.replica.Directory;
import io.rapport.platform.security.Caller;
import io.rapport.platform.security.Roles;
import io.rapport.platform.security.Visibility;
import io.smallrye.mutiny.Uni;

/**
 * Medical information requests: received with an SLA, answered (off-label only with an approved response
 * letter) or forwarded; a solicited off-label request goes to compliance review instead of being refused.
 */
@ApplicationScoped
public class MedicalRequestService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MedicalRequestRepository requests;
    private final InteractionRepository interactions;
    private final InteractionService recording;
    private final Directory directory;
    private final Lookups lookups;
    private final Visibility visibility;
    private final FollowUpService followUps;
    private final InteractionEvents events;
    private final AuditTrail audit;
    private final Caller caller;
    private final InteractionConfig config;
    private final WriteAccess access;
    private final KolErasure erasure;

    public MedicalRequestService(MedicalRequestRepository requests, InteractionRepository interactions,
            InteractionService recording, Directory directory, Lookups lookups, Visibility visibility,
            FollowUpService followUps,
            InteractionEvents events, AuditTrail audit, Caller caller, InteractionConfig config, WriteAccess access,
            KolErasure erasure) {
        this.requests = requests;
        this.interactions = interactions;
        this.recording = recording;
        this.directory = directory;
        this.lookups = lookups;
        this.visibility = visibility;
        this.followUps = followUps;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.access = access;
        this.erasure = erasure;
    }

    @WithTransaction
    public Uni<MedicalRequest> receive(RequestDocument document) {
        checkDeclarations(document);
        Instant received = document.receivedAt() == null ? Instant.now() : document.receivedAt();
        if (received.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw DomainException.invalid("receivedAt", "cannot be in the future");
        }
        return recording.recorder(document.mslId())
                .call(() -> lookups.requireCodes(document.therapeuticArea(), document.products()))
                .chain(msl -> lookups.lockKol(document.kolId())
                        .call(() -> checkInteraction(document))
                        .map(kol -> newRequest(document, received, msl, kol)))
                .chain(request -> requests.persist(request)
                        .chain(() -> audit.record(AuditRecord.of("medical-request", request.id(), 1, "received", null,
                                Snapshot.of(request))))
                        .chain(() -> events.medicalRequest(request, receivedAs(request)))
                        .chain(() -> safetyIfMentioned(request))
                        .replaceWith(request));
    }

    /**
     * A request about a KOL whose replica row is locked, on the basis it rests on, due by its service level; an
     * answer sent by e-mail or phone needs that consent, unless the KOL asked for it.
     */
    private MedicalRequest newRequest(RequestDocument document, Instant received, Directory.Entry msl,
            Replicated.Kol kol) {
        LegalBasis basis = MedicalRequest.basisOf(document, LegalBasis.ofKol(kol));
        InteractionRules.requireRecordable(kol, channelOf(document.responseChannel()), basis);
        MedicalRequest request = MedicalRequest.receive(document, Owner.of(msl, caller.subject(), document.timeZone()),
                received, received.plus(Duration.ofHours(slaHours(document.priority()))), LegalBasis.ofKol(kol));
        if (kol.erased()) {
            request.pseudonymise(erasure.pseudonym(document.kolId()));
        }
        return request;
    }

    /** The event of a new request: flagged when it went to compliance review, else received. */
    private static RequestChange receivedAs(MedicalRequest request) {
        return request.status() == MedicalRequest.Status.COMPLIANCE_REVIEW ? RequestChange.FLAGGED : RequestChange.RECEIVED;
    }

    /** Off-label answers are approved response letters; on-label ones a text or an approved resource. */
    @WithTransaction
    public Uni<MedicalRequest> answer(UUID id, ExpectedVersion expected, String text, UUID resourceId) {
        return received(id, expected)
                .invoke(request -> requireAnswer(request, text, resourceId))
                .chain(request -> answered(request, text, resourceId));
    }

    private Uni<MedicalRequest> answered(MedicalRequest request, String text, UUID resourceId) {
        Uni<Void> resourceCheck = requireApprovedResource(request, resourceId);
        Uni<Void> erasedCheck = requireWritable(request, text);
        return erasedCheck
                .chain(() -> resourceCheck)
                .chain(() -> transition(request, "answered", RequestChange.ANSWERED, () -> request.answer(text, resourceId)));
    }

    private static void requireAnswer(MedicalRequest request, String text, UUID resourceId) {
        if (request.offLabel() && resourceId == null) {
            throw DomainException.rule("approved-response-letter-required", "An off-label question is answered "
                    + "with an approved response letter (resourceId), or forwarded to Medical Information");
        }
        if (resourceId == null && (text == null || text.isBlank())) {
            throw DomainException.invalid("answer", "give the answer, or the resourceId of an approved resource");
        }
    }

    /** A written answer is new free text about the KOL: refused once the KOL is erased. */
    private Uni<Void> requireWritable(MedicalRequest request, String text) {
        return text == null ? Uni.createFrom().voidItem() : lookups.requireNotErased(request.kolId());
    }

    /** The resource an answer sends, if any, must be approved (for an off-label question, a response letter). */
    private Uni<Void> requireApprovedResource(MedicalRequest request, UUID resourceId) {
        if (resourceId == null) {
            return Uni.createFrom().voidItem();
        }
        return lookups.resource(resourceId)
                .invoke(resource -> requireApproved(request, resource, resourceId))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<MedicalRequest> forward(UUID id, ExpectedVersion expected) {
        return received(id, expected)
                .chain(request -> transition(request, "forwarded", RequestChange.FORWARDED, request::forward));
    }

    @WithTransaction
    public Uni<MedicalRequest> withdraw(UUID id, ExpectedVersion expected) {
        return received(id, expected)
                .chain(request -> transition(request, "withdrawn", RequestChange.WITHDRAWN, request::withdraw));
    }

    /** A medical manager closes a compliance review: clear it for an answer, forward it, or withdraw it. */
    @WithTransaction
    public Uni<MedicalRequest> review(UUID id, ExpectedVersion expected, MedicalRequest.ReviewDecision decision, String note) {
        if (!caller.is(Roles.MEDICAL_MANAGER)) {
            throw DomainException.forbidden("Only a medical manager closes a compliance review");
        }
        return changeable(id, expected)
                .invoke(this::requireReviewable)
                .chain(request -> transition(request, "reviewed", reviewed(decision),
                        () -> request.review(decision, note, caller.subject())));
    }

    private void requireReviewable(MedicalRequest request) {
        if (request.status() != MedicalRequest.Status.COMPLIANCE_REVIEW) {
            throw invalidTransition(request, "review");
        }
        if (request.filedBy(caller.subject())) {
            // separation of duties, even for an MSL who also holds the medical-manager role
            throw DomainException.forbidden("self-approval", "Nobody closes the compliance review of a request "
                    + "they own or filed: ask another medical manager");
        }
    }

    /** The event of a closed review: cleared for an answer, forwarded or withdrawn. */
    private static RequestChange reviewed(MedicalRequest.ReviewDecision decision) {
        return switch (decision) {
            case CLEARED -> RequestChange.CLEARED;
            case FORWARDED -> RequestChange.FORWARDED;
            case WITHDRAWN -> RequestChange.WITHDRAWN;
        };
    }

    @WithSession
    public Uni<MedicalRequest> get(UUID id) {
        return requests.findById(id).chain(request -> visible(request, id));
    }

    @WithSession
    public Uni<Page<MedicalRequest>> list(MedicalRequest.Status status, Boolean overdue, UUID kolId, PageRequest page) {
        return visibility.scope()
                .chain(scope -> requests.list(scope, status, overdue, kolId, page))
                .map(rows -> page.page(rows, r -> List.of(r.dueAt().toString(), r.id().toString())));
    }

    @WithSession
    public Uni<Page<AuditEntryView>> history(UUID id, PageRequest page) {
        return get(id).chain(request -> audit.history("medical-request", id, page));
    }

    private Uni<MedicalRequest> transition(MedicalRequest request, String action, RequestChange change, Runnable apply) {
        Object before = Snapshot.of(request);
        apply.run();
        return audit.record(AuditRecord.of("medical-request", request.id(), request.version(), action, before,
                Snapshot.of(request)))
                .chain(() -> events.medicalRequest(request, change))
                .replaceWith(request);
    }

    private static void checkDeclarations(RequestDocument document) {
        if (document.initiatedBy() == MedicalRequest.Initiator.MSL && document.unsolicited()) {
            throw DomainException.invalid("unsolicited", "a request the MSL initiated is solicited");
        }
        if (document.offLabel() && document.unsolicited() && !Boolean.TRUE.equals(document.unsolicitedAttested())) {
            throw DomainException.rule("attestation-required", "An off-label request must be unsolicited, with the "
                    + "MSL's attestation (unsolicitedAttested: true)");
        }
    }

    private Uni<Void> checkInteraction(RequestDocument document) {
        if (document.interactionId() == null) {
            return Uni.createFrom().voidItem();
        }
        // another team's interaction is treated as one that does not exist
        return interactions.findById(document.interactionId())
                .chain(interaction -> visibility.scope()
                        .invoke(scope -> requireKnown(interaction, scope, document)))
                .replaceWithVoid();
    }

    private static void requireKnown(Interaction interaction, Visibility.Scope scope, RequestDocument document) {
        if (interaction == null || !scope.sees(interaction.mslId(), interaction.team())
                || !interaction.kolId().equals(document.kolId())) {
            throw DomainException.rule("unknown-interaction", "Interaction " + document.interactionId()
                    + " does not exist or is with another KOL");
        }
    }

    private static void requireApproved(MedicalRequest request, Replicated.Resource resource, UUID resourceId) {
        Instant now = Instant.now();
        if (request.offLabel()) {
            if (resource == null || !resource.isApprovedResponseLetter(now)) {
                throw DomainException.rule("approved-response-letter-required", "Resource " + resourceId
                        + " is not an approved, unexpired response letter");
            }
        } else if (resource == null || !"APPROVED".equals(resource.status())
                || resource.expiresAt() != null && !resource.expiresAt().isAfter(now)) {
            throw DomainException.rule("resource-not-approved", "Resource " + resourceId + " is not approved or expired");
        }
    }

    private Uni<Void> safetyIfMentioned(MedicalRequest request) {
        if (!request.adverseEventMentioned()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate mentionedOn = request.receivedAt().atZone(ZoneId.of(request.timeZone())).toLocalDate();
        FollowUpService.SafetyMention mention = new FollowUpService.SafetyMention(request.interactionId(), request.id(),
                request.kolId(), request.mslId(), request.team(), request.timeZone(), mentionedOn, true, false);
        return followUps.safetyReport(mention, caller.subject()).replaceWithVoid();
    }

    private Uni<MedicalRequest> received(UUID id, ExpectedVersion expected) {
        return changeable(id, expected).invoke(request -> {
            if (request.status() != MedicalRequest.Status.RECEIVED) {
                throw invalidTransition(request, "this action");
            }
        });
    }

    private Uni<MedicalRequest> changeable(UUID id, ExpectedVersion expected) {
        return requests.findForUpdate(id)
                .chain(request -> visible(request, id))
                .call(request -> access.require(request.mslId(), request.team(), "Medical information request", id))
                .invoke(request -> expected.check(request.version()));
    }

    private Uni<MedicalRequest> visible(MedicalRequest request, UUID id) {
        if (request == null) {
            return Uni.createFrom().failure(DomainException.notFound("Medical information request", id));
        }
        return visibility.scope().map(scope -> {
            if (!scope.sees(request.mslId(), request.team())) {
                throw DomainException.notFound("Medical information request", id);
            }
            return request;
        });
    }

    private static DomainException invalidTransition(MedicalRequest request, String action) {
        List<String> allowed = switch (request.status()) {
            case RECEIVED -> List.of("answer", "forward", "withdraw");
            case COMPLIANCE_REVIEW -> List.of("review");
            default -> List.of();
        };
        return DomainException.conflict("invalid-transition", "Request " + request.id() + " is " + request.status()
                + "; " + action + " is not possible; allowed: " + allowed).with("status", request.status())
                .with("allowed", allowed);
    }

    /** The contact channel an answer uses, when it needs a consent of its own. */
    private static Channel channelOf(MedicalRequest.ResponseChannel channel) {
        return switch (channel) {
            case EMAIL -> Channel.EMAIL;
            case PHONE -> Channel.PHONE;
            default -> null;
        };
    }

    private int slaHours(MedicalRequest.Priority priority) {
        return priority == MedicalRequest.Priority.URGENT ? config.sla().urgentHours() : config.sla().standardHours();
    }
}
