package io.rapport.metrics.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.metrics.domain.PersonalData;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/kols/{kolId}/personal-data")
@Tag(name = "KOL data protection", description = "GDPR rights of a KOL: what metrics-service holds")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    private final PersonalData personalData;

    public PersonalDataResource(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything metrics-service holds about a KOL (GDPR Art. 15)", description = "The profile "
            + "facts it keeps (tier, country, areas, assigned MSLs, conflicts of interest), relationship health, the "
            + "daily counters and contacts counted under the KOL and each counted record's contribution. kol-service "
            + "gathers this into the KOL's export. A KOL metrics-service knows nothing about: 200 with empty lists. "
            + "After an erasure only the tombstone is left (the counts moved to a pseudonym).")
    public Uni<PersonalData.Export> personalData(@PathParam("kolId") UUID kolId) {
        return personalData.of(kolId);
    }
}
