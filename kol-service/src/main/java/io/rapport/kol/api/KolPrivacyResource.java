package io.rapport.kol.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.kol.domain.ErasureProof;
import io.rapport.kol.domain.KolPrivacy;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/kols/{id}")
@Tag(name = "KOL data protection", description = "GDPR rights of a KOL: access and erasure, and the proof of an erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KolPrivacyResource {

    private final KolPrivacy privacy;
    private final OtherServicesPersonalData others;

    public KolPrivacyResource(KolPrivacy privacy, OtherServicesPersonalData others) {
        this.privacy = privacy;
        this.others = others;
    }

    @GET
    @Path("personal-data")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything Rapport holds about a KOL (GDPR Art. 15)", description = "kol-service's part "
            + "(the profile, rights, assignments and the complete history) and, under services, the answer of each "
            + "service that holds data about the KOL (interaction-service, insight-service, metrics-service), asked "
            + "with the caller's token. All or nothing: when a service cannot answer, 503 naming it (services) with "
            + "Retry-After.")
    @APIResponse(responseCode = "503", description = "A service could not answer: the problem's services lists which")
    public Uni<PersonalDataExport> personalData(@PathParam("id") UUID id) {
        // kol-service's own part first: an unknown KOL is a 404 without asking anybody
        return privacy.personalData(id).chain(data -> others.of(id).map(services -> new PersonalDataExport(id,
                KolView.from(data.kol()), data.history(), services, Instant.now())));
    }

    @GET
    @Path("erasure")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The proof of a KOL's erasure (GDPR Art. 17, Art. 5(2))", description = "When it was "
            + "requested, by whom and why, how often its event was sent, and for each service that holds data about "
            + "KOLs whether it has confirmed, when and with what counts; complete once all have. 404 if the KOL was "
            + "never erased.")
    public Uni<ErasureProof> erasure(@PathParam("id") UUID id) {
        return privacy.erasure(id);
    }

    @POST
    @Path("erasure")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a KOL's personal data (GDPR Art. 17)", description = "Scrubs names, contact data, "
            + "identifiers, notes and free text here and in the history; keeps the id and non-personal aggregates; "
            + "every other service erases on the event. Re-importing the KOL's identifiers is then refused "
            + "(409 kol-erased). Idempotent: asked again while a service has not confirmed (GET .../erasure), it "
            + "sends the erasure event again.")
    public Uni<KolView> erase(@PathParam("id") UUID id, @Valid @NotNull Erasure erasure) {
        return privacy.erase(id, erasure.reason()).map(KolView::from);
    }

    /** The body of an erasure: why (the request reference; no personal data). */
    public record Erasure(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * The Art. 15 export: kol-service's part (kol, history) and each other service's answer by its name
     * ({@code {"service", "kolId", "records": {kind: [...]}}}).
     */
    public record PersonalDataExport(UUID kolId, KolView kol, List<AuditEntryView> history,
            Map<String, JsonNode> services, Instant exportedAt) {
    }
}
