package io.rapport.interaction.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.interaction.domain.LegalBasis;
import io.rapport.interaction.domain.MedicalRequest;
import io.rapport.interaction.domain.MedicalRequestService;
import io.rapport.interaction.domain.RequestDocument;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.api.Responses;
import io.rapport.platform.api.Versions;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.paging.Page;
import io.rapport.platform.paging.PageRequest;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/medical-requests")
@Tag(name = "Medical information requests", description = "A KOL's questions, answered within an SLA")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MedicalRequestResource {

    static final String COLLECTION = "/api/v1/medical-requests";

    private final MedicalRequestService requests;
    private final IdempotencyKeys idempotency;

    public MedicalRequestResource(MedicalRequestService requests, IdempotencyKeys idempotency) {
        this.requests = requests;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Record a medical information request", description = "Due after the SLA (URGENT 24 h, "
            + "STANDARD 120 h). An off-label request must be unsolicited with the MSL's attestation; one marked "
            + "solicited is not refused but kept in COMPLIANCE_REVIEW for a medical manager. An adverse event mentioned "
            + "creates a Drug Safety follow-up. Refused (422 kol-erased, kol-objected, do-not-contact, consent-withdrawn) "
            + "for a KOL who may not be contacted, except a question the KOL asked unprompted (legalBasis KOL_REQUEST) "
            + "or one mentioning an adverse event (LEGAL_OBLIGATION); for an erased KOL those are kept pseudonymised. "
            + "An interactionId you may not see is unknown (422 unknown-interaction).")
    public Uni<Response> create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull RequestDocument body) {
        return idempotency.once(key, body, () -> requests.receive(body)
                .map(r -> Responses.created(COLLECTION, r.id(), RequestView.from(r), r.version())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Read a medical information request")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return requests.get(id).map(this::ok);
    }

    @POST
    @Path("{id}/answer")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Answer (If-Match)", description = "Off-label: with the id of an approved, unexpired response "
            + "letter (422 approved-response-letter-required otherwise). On-label: a text or an approved resource.")
    public Uni<Response> answer(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Bodies.AnswerRequest body) {
        return requests.answer(id, Versions.expected(ifMatch), body.answer(), body.resourceId()).map(this::ok);
    }

    @POST
    @Path("{id}/forward")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Forward to Medical Information (If-Match)")
    public Uni<Response> forward(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return requests.forward(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Withdraw (If-Match)")
    public Uni<Response> withdraw(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch) {
        return requests.withdraw(id, Versions.expected(ifMatch)).map(this::ok);
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.MEDICAL_MANAGER)
    @Operation(summary = "Close a compliance review (medical manager, If-Match)", description = "CLEARED: it may be "
            + "answered; FORWARDED: to Medical Information; WITHDRAWN. Never by the MSL who owns it or whoever filed "
            + "it (403 self-approval).")
    public Uni<Response> review(@PathParam("id") UUID id, @HeaderParam(Responses.IF_MATCH) String ifMatch,
            @Valid @NotNull Bodies.ReviewRequest body) {
        return requests.review(id, Versions.expected(ifMatch), body.decision(), body.note()).map(this::ok);
    }

    @GET
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List requests by due time", description = "overdue=true: still open past the due time.")
    public Uni<Page<RequestView>> list(@QueryParam("status") MedicalRequest.Status status,
            @QueryParam("overdue") Boolean overdue, @QueryParam("kolId") UUID kolId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return requests.list(status, overdue, kolId, PageRequest.of(limit, cursor)).map(page -> page.map(RequestView::from));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "Audit trail of a request")
    public Uni<Page<AuditEntryView>> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return requests.history(id, PageRequest.of(limit, cursor));
    }

    private Response ok(MedicalRequest request) {
        return Responses.ok(RequestView.from(request), request.version());
    }

    /** A request as the API shows it. */
    @Schema(name = "MedicalRequest")
    public record RequestView(UUID id, UUID kolId, UUID interactionId, String mslId, String team, String question,
            MedicalRequest.Initiator initiatedBy, String therapeuticArea, List<String> products, boolean offLabel,
            boolean unsolicited, Instant unsolicitedAttestedAt, MedicalRequest.Priority priority,
            MedicalRequest.ResponseChannel responseChannel, boolean adverseEventMentioned, String timeZone,
            Instant receivedAt, Instant dueAt, boolean overdue, MedicalRequest.Status status, String answer,
            UUID answerResourceId, Instant closedAt, Boolean onTime, MedicalRequest.ReviewDecision reviewDecision,
            String reviewNote, String reviewedBy, String recordedBy, LegalBasis legalBasis, long version) {

        static RequestView from(MedicalRequest r) {
            return new RequestView(r.id(), r.kolId(), r.interactionId(), r.mslId(), r.team(), r.question(),
                    r.initiatedBy(), r.therapeuticArea(), r.products(), r.offLabel(), r.unsolicited(),
                    r.unsolicitedAttestedAt(), r.priority(), r.responseChannel(), r.adverseEventMentioned(), r.timeZone(),
                    r.receivedAt(), r.dueAt(), r.overdue(Instant.now()), r.status(), r.answer(), r.answerResourceId(),
                    r.closedAt(), r.onTime(), r.reviewDecision(), r.reviewNote(), r.reviewedBy(), r.recordedBy(),
                    r.legalBasis(), r.version());
        }
    }
}
