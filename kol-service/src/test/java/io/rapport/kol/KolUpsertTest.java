package io.rapport.kol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** PUT /kols/by-external-id/{system}/{id}: the idempotent upsert CRMs sync with. */
@QuarkusTest
class KolUpsertTest {

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldCreateThenUpdateThenChangeNothingForTheSameBody() {
        String crmId = UUID.randomUUID().toString();
        Map<String, Object> profile = profile("Synced");
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            String id = upsert("veeva", crmId, profile).then().statusCode(201).header("Upsert-Outcome", "created")
                    .header("ETag", "\"1\"").body("identifiers.external[0].id", equalTo(crmId)).extract().path("id");
            profile.put("tier", 1);
            upsert("veeva", crmId, profile).then().statusCode(200).header("Upsert-Outcome", "updated")
                    .header("ETag", "\"2\"").body("id", equalTo(id)).body("tier", equalTo(1));
            upsert("veeva", crmId, profile).then().statusCode(200).header("Upsert-Outcome", "unchanged")
                    .header("ETag", "\"2\"");
            events.awaitCount(e -> id.equals(e.subject()), 2);
            assertThat(events.drain(Duration.ofSeconds(1)).stream().filter(e -> id.equals(e.subject())))
                    .as("no event for the unchanged upsert").hasSize(2);
            assertThat(events.received()).anyMatch(ofType("rapport.kol.created.v1", id)::test);
        }
    }

    @Test
    void shouldRefuseABodyThatNamesAnotherIdForTheSameSystem() {
        Map<String, Object> profile = profile("Mismatch");
        profile.put("identifiers", Map.of("external", List.of(Map.of("system", "veeva", "id", "other"))));
        upsert("veeva", UUID.randomUUID().toString(), profile).then().statusCode(400)
                .body("errors.field", hasItem("identifiers.external"));
    }

    @Test
    void shouldLetOnlyIntegrationsAndAdminsUpsert() {
        given().header("Authorization", Tokens.msl("msl-ada")).contentType(ContentType.JSON).body(profile("Nope"))
                .put("/api/v1/kols/by-external-id/veeva/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void shouldRefuseAMalformedSystemInThePath() {
        upsert("Veeva CRM", "x", profile("BadSystem")).then().statusCode(400).body("errors[0].field", equalTo("system"));
    }

    static Response upsert(String system, String externalId, Map<String, Object> profile) {
        return given().header("Authorization", INTEGRATION).contentType(ContentType.JSON).body(profile)
                .put("/api/v1/kols/by-external-id/" + system + "/" + externalId);
    }
}
