package io.rapport.kol.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.kol.domain.MslEntry;
import io.rapport.kol.domain.ReferenceData;
import io.rapport.kol.domain.ResearchTopic;
import io.rapport.platform.security.Roles;
import io.rapport.platform.validation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * Therapeutic areas, products, research topics and the MSL directory: read by everyone, maintained by admins and
 * integrations.
 */
@Path("/api/v1")
@Tag(name = "Reference data", description = "Therapeutic areas, products, research topics and the MSL directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    /** An MSL's user id as identity providers issue them (usernames, e-mail addresses, UUIDs): no spaces or controls. */
    static final String MSL_ID = MslEntry.USER_ID;

    private static final String CODE = "[A-Z0-9_-]{1,40}";

    private final ReferenceData reference;

    public ReferenceDataResource(ReferenceData reference) {
        this.reference = reference;
    }

    @GET
    @Path("therapeutic-areas")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List therapeutic areas")
    public Uni<List<TherapeuticAreaView>> therapeuticAreas() {
        return reference.therapeuticAreas()
                .map(list -> list.stream().map(a -> new TherapeuticAreaView(a.code(), a.name(), a.version())).toList());
    }

    @PUT
    @Path("therapeutic-areas/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Create or rename a therapeutic area", description = "201 when created, 200 otherwise.")
    public Uni<Response> putTherapeuticArea(
            @PathParam("code") @Pattern(regexp = CODE, message = "A-Z, 0-9, _ or -") String code,
            @Valid @NotNull TherapeuticAreaBody body) {
        return reference.upsertTherapeuticArea(code, body.name()).map(up -> respond(up.outcome(),
                new TherapeuticAreaView(up.value().code(), up.value().name(), up.value().version())));
    }

    @GET
    @Path("products")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List products")
    public Uni<List<ProductView>> products() {
        return reference.products().map(list -> list.stream()
                .map(p -> new ProductView(p.code(), p.name(), p.therapeuticArea(), p.markets(), p.version())).toList());
    }

    @PUT
    @Path("products/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Create or change a product", description = "Its therapeutic area must exist (400).")
    public Uni<Response> putProduct(@PathParam("code") @Pattern(regexp = CODE, message = "A-Z, 0-9, _ or -") String code,
            @Valid @NotNull ProductBody body) {
        return reference.upsertProduct(code, body.name(), body.therapeuticArea(), body.markets())
                .map(up -> respond(up.outcome(), new ProductView(up.value().code(), up.value().name(),
                        up.value().therapeuticArea(), up.value().markets(), up.value().version())));
    }

    @GET
    @Path("research-topics")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "List research topics", description = "The controlled vocabulary of what KOLs work on: a "
            + "profile's researchTopics are codes of this list, and they are what events carry and recommendations "
            + "match (the typed researchInterests are never published).")
    public Uni<List<ResearchTopicView>> researchTopics() {
        return reference.researchTopics()
                .map(list -> list.stream().map(t -> new ResearchTopicView(t.code(), t.name(), t.version())).toList());
    }

    @PUT
    @Path("research-topics/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Create or rename a research topic", description = "The code is a lower-case keyword "
            + "(a-z, 0-9 and '-', at most 60, starting with a letter or digit). 201 when created, 200 otherwise; "
            + "an unchanged name changes nothing and publishes nothing.")
    public Uni<Response> putResearchTopic(@PathParam("code") @Pattern(regexp = ResearchTopic.CODE, message = "1 to 60 "
            + "characters: a-z, 0-9 or '-', starting with a letter or digit") String code,
            @Valid @NotNull ResearchTopicBody body) {
        return reference.upsertResearchTopic(code, body.name()).map(up -> respond(up.outcome(),
                new ResearchTopicView(up.value().code(), up.value().name(), up.value().version())));
    }

    @GET
    @Path("msls")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "The MSL directory")
    public Uni<List<MslView>> msls() {
        return reference.directory()
                .map(list -> list.stream().map(m -> new MslView(m.userId(), m.entry(), m.version())).toList());
    }

    @GET
    @Path("msls/{id}")
    @RolesAllowed({ Roles.MSL, Roles.MEDICAL_MANAGER, Roles.ADMIN, Roles.INTEGRATION, Roles.REPORTING })
    @Operation(summary = "One MSL of the directory")
    public Uni<MslView> msl(@PathParam("id") String id) {
        return reference.msl(id).map(m -> new MslView(m.userId(), m.entry(), m.version()));
    }

    @PUT
    @Path("msls/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "Create or change an MSL's directory entry", description = "The id is the user's token "
            + "subject. Team and manager decide what managers see in every service.")
    public Uni<Response> putMsl(@PathParam("id") @Pattern(regexp = MSL_ID, message = "1 to 100 characters: letters, digits and "
            + "'.', '_', '@', '+', '-', starting with a letter or digit (the user id of the sign-in token)") String id,
            @Valid @NotNull MslEntry entry) {
        return reference.upsertMsl(id, entry).map(up -> respond(up.outcome(),
                new MslView(up.value().userId(), up.value().entry(), up.value().version())));
    }

    private static Response respond(ReferenceData.Outcome outcome, Object body) {
        return Response.status(outcome == ReferenceData.Outcome.CREATED ? 201 : 200).entity(body).build();
    }

    public record TherapeuticAreaBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = MslEntry.NO_CONTROLS, message = "no control characters") String name) {
    }

    public record TherapeuticAreaView(String code, String name, long version) {
    }

    @Schema(name = "ResearchTopicBody", description = "The display name of a research topic (company reference data)")
    public record ResearchTopicBody(
            @Schema(examples = "Immunotherapy resistance") @NotBlank @Size(max = 100) @Pattern(regexp = MslEntry.NO_CONTROLS, message = "no control characters") String name) {
    }

    @Schema(name = "ResearchTopic", description = "A code of the research-topic vocabulary")
    public record ResearchTopicView(
            @Schema(examples = "immunotherapy-resistance", pattern = ResearchTopic.CODE) String code,
            @Schema(examples = "Immunotherapy resistance") String name,
            @Schema(examples = "1", description = "Incremented by each rename") long version) {
    }

    public record ProductBody(
            @NotBlank @Size(max = 100) @Pattern(regexp = MslEntry.NO_CONTROLS, message = "no control characters") String name,
            @NotBlank @Pattern(regexp = CODE, message = "a therapeutic area code") String therapeuticArea,
            @NotNull @Size(max = 250) List<@NotNull @Identifier(Identifier.Kind.COUNTRY) String> markets) {
    }

    public record ProductView(String code, String name, String therapeuticArea, List<String> markets, long version) {
    }

    /** A directory entry with its user id. */
    public record MslView(String userId, @com.fasterxml.jackson.annotation.JsonUnwrapped MslEntry entry, long version) {
    }
}
