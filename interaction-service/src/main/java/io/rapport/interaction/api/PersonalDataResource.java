package io.rapport.interaction.api;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.interaction.domain.PersonalData;
import io.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** GDPR Art. 15 for this service: what kol-service gathers into one answer per KOL. */
@Path("/api/v1/kols/{kolId}/personal-data")
@Tag(name = "Data-protection rights", description = "What interaction-service holds about a KOL")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    static final String SERVICE = "interaction-service";

    private final PersonalData personalData;
    private final ObjectMapper json;

    public PersonalDataResource(PersonalData personalData, ObjectMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything held about the KOL (GDPR Art. 15, admin)", description = "The KOL's replica and "
            + "every interaction, follow-up and medical information request about the KOL, whoever recorded it, each "
            + "with its free text and its full history; records kept under a legal obligation after an erasure are "
            + "included with the KOL's pseudonym. An unknown KOL has empty records.")
    public Uni<JsonNode> personalData(@PathParam("kolId") UUID kolId) {
        return personalData.of(kolId).map(held -> {
            ObjectNode body = json.createObjectNode().put("service", SERVICE).put("kolId", kolId.toString());
            ObjectNode records = body.putObject("records");
            records.set("kol", json.valueToTree(held.kol()));
            records.set("interactions", views(held.interactions(), InteractionView::from));
            records.set("followUps", views(held.followUps(), FollowUpResource.FollowUpView::from));
            records.set("medicalRequests", views(held.medicalRequests(), MedicalRequestResource.RequestView::from));
            return body;
        });
    }

    private <T> ArrayNode views(List<PersonalData.Held<T>> held, Function<T, Object> view) {
        ArrayNode array = json.createArrayNode();
        for (PersonalData.Held<T> record : held) {
            ObjectNode node = json.valueToTree(view.apply(record.record()));
            node.set("history", json.valueToTree(record.history()));
            array.add(node);
        }
        return array;
    }
}
