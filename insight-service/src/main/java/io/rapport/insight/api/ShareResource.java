package io.rapport.insight.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.insight.domain.LegalBasis;
import io.rapport.insight.domain.Share;
import io.rapport.insight.domain.ShareService;
import io.rapport.platform.api.IdempotencyKeys;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/shares")
@Tag(name = "Shares", description = "Approved content shared with a KOL")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShareResource {

    private final ShareService shares;
    private final IdempotencyKeys idempotency;

    public ShareResource(ShareService shares, IdempotencyKeys idempotency) {
        this.shares = shares;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Record a share", description = "Only an APPROVED, unexpired resource approved in the KOL's "
            + "country, with a KOL who is active and contactable (EMAIL needs e-mail consent); a REACTIVE_ONLY "
            + "resource only in answer to an unsolicited medical information request of the same KOL. Each refusal "
            + "is a 422 naming its rule.")
    public Uni<Response> share(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ShareBody body) {
        return idempotency.once(key, body, () -> shares.share(new ShareService.Request(body.resourceId(), body.kolId(),
                body.interactionId(), body.medicalRequestId(), body.channel(), body.mslId()))
                .map(share -> Response.status(201).entity(ShareView.from(share)).build()));
    }

    public record ShareBody(@NotNull UUID resourceId, @NotNull UUID kolId, UUID interactionId, UUID medicalRequestId,
            @NotNull Share.Channel channel, @Size(min = 1, max = 100) String mslId) {
    }

    /** A share as the API shows it. */
    @Schema(name = "Share", description = "In a KOL's list, another team's share shows only who shared and when "
            + "(summary true): never its id, content or context.")
    public record ShareView(UUID id, UUID resourceId, UUID kolId, String mslId, String team, UUID interactionId,
            UUID medicalRequestId, Share.Channel channel, Instant sharedAt,
            @Schema(description = "KOL_REQUEST: an answer to a question the KOL initiated, "
                    + "recorded whatever the KOL's contact rights; absent otherwise") LegalBasis legalBasis,
            @Schema(description = "Another team's share: only who shared and when") boolean summary) {

        static ShareView from(Share s) {
            return new ShareView(s.id(), s.resourceId(), s.kolId(), s.mslId(), s.team(), s.interactionId(),
                    s.medicalRequestId(), s.channel(), s.sharedAt(), s.legalBasis(), false);
        }

        static ShareView of(ShareService.Seen seen) {
            Share s = seen.share();
            return seen.full() ? from(s)
                    : new ShareView(null, null, s.kolId(), s.mslId(), s.team(), null, null, null, s.sharedAt(), null, true);
        }
    }
}
