package io.rapport.kol.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.kol.domain.DataProtection;
import io.rapport.kol.domain.Kol;
import io.rapport.kol.domain.KolRightsService;
import io.rapport.platform.api.Responses;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The KOL's data-protection rights, the only way to change them (never through the profile). Who may: the MSLs
 * assigned to the KOL, their managers (per the MSL directory), admins and integrations (a CRM consent feed); anyone
 * else gets 404. Each answers the KOL with its rights and new ETag; a repeated request changes nothing.
 */
@Path("/api/v1/kols/{id}")
@Tag(name = "KOL data protection", description = "GDPR rights of a KOL: access, objection, erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KolRightsResource {

    private static final String WHO = " Filed by the KOL's assigned MSLs, their managers, admins or integrations "
            + "(others: 404). No If-Match: a legal right does not wait for a fresh ETag. Audited with the caller, "
            + "requestedBy, receivedAt and reason.";
    /** Who asked, as the audit trail shows it: a role and a channel, no control characters. */
    private static final String REQUESTER = "[^\\p{Cc}]*";

    private final KolRightsService rights;

    public KolRightsResource(KolRightsService rights) {
        this.rights = rights;
    }

    @POST
    @Path("objection")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Record an objection to processing (GDPR Art. 21)", description = "From now on the KOL is "
            + "not contactable: every service refuses new interactions and shares (422 no-lawful-basis). Recording "
            + "it again keeps the first date. The body is optional." + WHO)
    @APIResponse(responseCode = "200", description = "The KOL with the objection, and its ETag")
    public Uni<Response> object(@PathParam("id") UUID id, @Valid Objection objection) {
        Objection body = objection == null ? new Objection(null, null, null) : objection;
        return rights.object(id, new KolRightsService.Request(body.requestedBy(), body.receivedAt(), body.reason()))
                .map(KolRightsResource::answer);
    }

    @DELETE
    @Path("objection")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Withdraw an objection", description = "The KOL withdrew their Art. 21 objection: "
            + "contactable again on the remaining grounds (consents, do-not-contact). Without an objection, nothing "
            + "changes." + WHO)
    @APIResponse(responseCode = "200", description = "The KOL without the objection, and its ETag")
    public Uni<Response> withdrawObjection(@PathParam("id") UUID id, @Valid @NotNull Request request) {
        return rights.withdrawObjection(id, request.toDomain()).map(KolRightsResource::answer);
    }

    @PUT
    @Path("consents/{purpose}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Grant, withdraw or refuse consent for one purpose", description = "WITHDRAWN or REFUSED "
            + "EMAIL_CONTACT / PHONE_CONTACT forbids that channel; without PROFILING consent a KOL on the CONSENT basis "
            + "is not contactable. The consent the KOL already has (same status, source and evidence) changes "
            + "nothing." + WHO)
    @APIResponse(responseCode = "200", description = "The KOL with the consent, and its ETag")
    public Uni<Response> consent(@PathParam("id") UUID id, @PathParam("purpose") DataProtection.Purpose purpose,
            @Valid @NotNull ConsentRequest consent) {
        return rights.consent(id, consent.decision(purpose), consent.request()).map(KolRightsResource::answer);
    }

    @PUT
    @Path("do-not-contact")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Mark the KOL do-not-contact", description = "Nobody may contact the KOL until it is "
            + "cleared; the reason stays in kol-service (events carry only that the KOL is do-not-contact). The same "
            + "reason again changes nothing." + WHO)
    @APIResponse(responseCode = "200", description = "The KOL, do-not-contact, and its ETag")
    public Uni<Response> doNotContact(@PathParam("id") UUID id, @Valid @NotNull DoNotContactRequest request) {
        return rights.doNotContact(id, request.reason(),
                new KolRightsService.Request(request.requestedBy(), request.receivedAt(), request.reason()))
                .map(KolRightsResource::answer);
    }

    @DELETE
    @Path("do-not-contact")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Clear do-not-contact", description = "Without do-not-contact, nothing changes." + WHO)
    @APIResponse(responseCode = "200", description = "The KOL, no longer do-not-contact, and its ETag")
    public Uni<Response> clearDoNotContact(@PathParam("id") UUID id, @Valid @NotNull Request request) {
        return rights.clearDoNotContact(id, request.toDomain()).map(KolRightsResource::answer);
    }

    @PUT
    @Path("lawful-basis")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Set the lawful basis of the profile (GDPR Art. 6)", description = "LEGITIMATE_INTEREST "
            + "or CONSENT (then PROFILING consent is needed to contact the KOL). The same basis changes nothing."
            + WHO)
    @APIResponse(responseCode = "200", description = "The KOL with its lawful basis, and its ETag")
    public Uni<Response> lawfulBasis(@PathParam("id") UUID id, @Valid @NotNull LawfulBasisRequest request) {
        return rights.lawfulBasis(id, request.lawfulBasis(),
                new KolRightsService.Request(request.requestedBy(), request.receivedAt(), request.reason()))
                .map(KolRightsResource::answer);
    }

    @PUT
    @Path("privacy-notice")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Record that the privacy notice was sent (GDPR Art. 14)", description = "The same date "
            + "changes nothing." + WHO)
    @APIResponse(responseCode = "200", description = "The KOL with the date, and its ETag")
    public Uni<Response> privacyNotice(@PathParam("id") UUID id, @Valid @NotNull PrivacyNoticeRequest request) {
        return rights.privacyNoticeSent(id, request.sentAt(),
                new KolRightsService.Request(request.requestedBy(), null, request.reason()))
                .map(KolRightsResource::answer);
    }

    private static Response answer(Kol kol) {
        return Responses.ok(KolView.from(kol), kol.version());
    }

    /** The body of an objection; every member optional (an empty body records an objection received now). */
    public record Objection(
            @Schema(description = "When the KOL objected (default: now)") Instant receivedAt,
            @Schema(description = "On whose request, as a role and channel, e.g. \"the KOL by e-mail\" (no names)") @Size(max = 200) @Pattern(regexp = REQUESTER, message = "no control characters") String requestedBy,
            @Schema(description = "Why, e.g. the request's reference") @Size(max = 500) String reason) {
    }

    /** Who asked for a withdrawal or a clearing, when and why. */
    public record Request(
            @Schema(description = "On whose request, as a role and channel, e.g. \"the KOL by e-mail\" (no names)") @NotBlank @Size(max = 200) @Pattern(regexp = REQUESTER, message = "no control characters") String requestedBy,
            @Schema(description = "When the request was received (default: now)") Instant receivedAt,
            @Size(max = 500) String reason) {

        KolRightsService.Request toDomain() {
            return new KolRightsService.Request(requestedBy, receivedAt, reason);
        }
    }

    public record ConsentRequest(
            @NotNull DataProtection.Consent.Status status,
            @Schema(description = "On whose request, as a role and channel, e.g. \"the KOL by e-mail\" (no names)") @NotBlank @Size(max = 200) @Pattern(regexp = REQUESTER, message = "no control characters") String requestedBy,
            @Schema(description = "When the KOL gave, withdrew or refused it (default: now)") Instant receivedAt,
            @Schema(description = "Where it was captured, e.g. \"web form\"") @Size(max = 100) String source,
            @Schema(description = "The evidence, e.g. a document id") @Size(max = 200) String evidenceReference,
            @Size(max = 500) String reason) {

        KolRightsService.ConsentDecision decision(DataProtection.Purpose purpose) {
            return new KolRightsService.ConsentDecision(purpose, status, source, evidenceReference);
        }

        KolRightsService.Request request() {
            return new KolRightsService.Request(requestedBy, receivedAt, reason);
        }
    }

    public record DoNotContactRequest(
            @Schema(description = "Why the KOL must not be contacted (stays in kol-service)") @NotBlank @Size(max = 500) String reason,
            @Schema(description = "On whose request, as a role and channel, e.g. \"the KOL by phone\" (no names)") @NotBlank @Size(max = 200) @Pattern(regexp = REQUESTER, message = "no control characters") String requestedBy,
            @Schema(description = "When the request was received (default: now)") Instant receivedAt) {
    }

    public record LawfulBasisRequest(
            @NotNull DataProtection.LawfulBasis lawfulBasis,
            @NotBlank @Size(max = 200) @Pattern(regexp = REQUESTER, message = "no control characters") String requestedBy,
            Instant receivedAt,
            @Size(max = 500) String reason) {
    }

    public record PrivacyNoticeRequest(
            @NotNull Instant sentAt,
            @NotBlank @Size(max = 200) @Pattern(regexp = REQUESTER, message = "no control characters") String requestedBy,
            @Size(max = 500) String reason) {
    }
}
