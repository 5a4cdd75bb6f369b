package io.rapport.kol.api;

import io.rapport.kol.domain.KolPrivacy;
import io.rapport.platform.audit.AuditEntryView;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/kols/{id}")
@Tag(name = "KOL data protection", description = "GDPR rights of a KOL: access, objection, erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KolPrivacyResource {

    private final KolPrivacy privacy;

    public KolPrivacyResource(KolPrivacy privacy) {
        this.privacy = privacy;
    }

    @GET
    @Path("personal-data")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything held about a KOL (GDPR Art. 15)", description = "The profile, assignments "
            + "and the complete history.")
    public Uni<PersonalDataExport> personalData(@PathParam("id") UUID id) {
        return privacy.personalData(id).map(data -> new PersonalDataExport(KolView.from(data.kol()), data.history(),
                Instant.now()));
    }

    @POST
    @Path("objection")
    @RolesAllowed({Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Record an objection to processing (GDPR Art. 21)", description = "From now on the KOL is "
            + "not contactable: every service refuses new interactions and shares (422 no-lawful-basis). Recording "
            + "it again keeps the first date.")
    public Uni<KolView> object(@PathParam("id") UUID id, @Valid Objection objection) {
        return privacy.object(id, objection == null ? null : objection.receivedAt()).map(KolView::from);
    }

    @POST
    @Path("erasure")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a KOL's personal data (GDPR Art. 17)", description = "Scrubs names, contact data, "
            + "identifiers, notes and free text here and in the history; keeps the id and non-personal aggregates; "
            + "every other service erases on the event. Re-importing the KOL's identifiers is then refused "
            + "(409 kol-erased). Idempotent.")
    public Uni<KolView> erase(@PathParam("id") UUID id, @Valid @NotNull Erasure erasure) {
        return privacy.erase(id, erasure.reason()).map(KolView::from);
    }

    /** The body of an objection: when the KOL objected (default: now). */
    public record Objection(Instant receivedAt) {
    }

    /** The body of an erasure: why (the request reference; no personal data). */
    public record Erasure(@NotBlank @Size(max = 500) String reason) {
    }

    /** The Art. 15 export. */
    public record PersonalDataExport(KolView kol, List<AuditEntryView> history, Instant exportedAt) {
    }
}
