package io.rapport.kol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.kol.Fixtures.create;
import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Research topics: the controlled vocabulary of what KOLs work on (reference data on rapport.reference.v1), and
 * the profile's researchTopics, which accept only its codes on every way a profile comes in.
 */
@QuarkusTest
class ResearchTopicsTest {

    private final String ada = msl("msl-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldListAnUpsertedTopicAndPublishItOnceAndNotAgainWhenUnchanged() {
        String code = "topic-" + UUID.randomUUID().toString().substring(0, 8);
        try (EmittedEvents events = EmittedEvents.on("rapport.reference.v1")) {
            put(ADMIN, code, Map.of("name", "Tumour dormancy")).then().statusCode(201)
                    .body("code", equalTo(code)).body("version", equalTo(1));
            put(ADMIN, code, Map.of("name", "Tumour dormancy")).then().statusCode(200).body("version", equalTo(1));
            put(INTEGRATION, code, Map.of("name", "Tumour dormancy and relapse")).then().statusCode(200)
                    .body("version", equalTo(2));
            List<ReceivedEvent> published = events.awaitCount(e -> ("research-topic:" + code).equals(e.subject()), 2);
            assertThat(published).extracting(ReceivedEvent::type)
                    .containsOnly("rapport.reference.research-topic.changed.v1");
            published.forEach(EventSchemas::assertValid);
            assertThat(published.get(1).data().path("code").asText()).isEqualTo(code);
            assertThat(published.get(1).data().path("name").asText()).isEqualTo("Tumour dormancy and relapse");
            assertThat(published.get(1).data().path("aggregateVersion").asLong()).isEqualTo(2);
            assertThat(events.drain(Duration.ofMillis(500)).stream().filter(e -> e.subject().endsWith(code)))
                    .as("no event for the unchanged upsert").hasSize(2);
        }
        for (String reader : List.of(ada, Tokens.manager("mgr-1"), Tokens.REPORTING, INTEGRATION)) {
            given().header("Authorization", reader).get("/api/v1/research-topics").then().statusCode(200)
                    .body("findAll { it.code == '" + code + "' }.name", equalTo(List.of("Tumour dormancy and relapse")));
        }
    }

    @Test
    void shouldRefuseACodeThatIsNotALowerCaseKeyword() {
        String tooLong = "a".repeat(61);
        for (String bad : List.of("Immunotherapy", "IMMUNOTHERAPY", "-leading-dash", "with%20space", "under_score",
                "caf%C3%A9", tooLong)) {
            put(ADMIN, bad, Map.of("name", "x")).then().statusCode(400).contentType("application/problem+json")
                    .body("type", endsWith("/validation")).body("errors[0].field", equalTo("code"));
        }
        put(ADMIN, "a".repeat(60), Map.of("name", "The longest code")).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        put(ADMIN, "bad-name", Map.of("name", "line\nbreak")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        put(ADMIN, "bad-name", Map.of("name", " ")).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().header("Authorization", ADMIN).get("/api/v1/research-topics").then().statusCode(200)
                .body("code", not(hasItem("bad-name"))).body("code", not(hasItem("Immunotherapy")));
    }

    @Test
    void shouldLetOnlyAdminsAndIntegrationsMaintainTopics() {
        put(ada, "msl-topic", Map.of("name", "x")).then().statusCode(403);
        put(Tokens.manager("mgr-1"), "mgr-topic", Map.of("name", "x")).then().statusCode(403);
        put(Tokens.REPORTING, "report-topic", Map.of("name", "x")).then().statusCode(403);
        given().get("/api/v1/research-topics").then().statusCode(401);
    }

    @Test
    void shouldShowTheTopicsOfAProfileAndSearchItsTypedInterests() {
        String word = "Quokkaphage" + System.nanoTime() % 100000;
        Map<String, Object> profile = profile("Topics");
        profile.put("researchTopics", List.of("immunotherapy-resistance", "car-t-persistence"));
        profile.put("researchInterests", List.of("Resistance to " + word));
        String id = create(ada, profile).then().statusCode(201)
                .body("researchTopics", equalTo(List.of("immunotherapy-resistance", "car-t-persistence")))
                .extract().path("id");
        given().header("Authorization", ada).get("/api/v1/kols/" + id).then().statusCode(200)
                .body("researchTopics", equalTo(List.of("immunotherapy-resistance", "car-t-persistence")))
                .body("researchInterests", equalTo(List.of("Resistance to " + word)));
        given().header("Authorization", ada).queryParam("q", word).get("/api/v1/kols").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void shouldRefuseAnUnknownTopicOnCreateNamingTheField() {
        Map<String, Object> profile = profile(Fixtures.unique("Unknown"));
        profile.put("researchTopics", List.of("car-t-persistence", "astrology"));
        create(ada, profile).then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation")).body("errors.field", equalTo(List.of("researchTopics[1]")))
                .body("errors[0].message", containsString("astrology"));
        profile.put("therapeuticAreas", List.of("ASTROLOGY"));
        create(ada, profile).then().statusCode(400)
                .body("errors.field", equalTo(List.of("therapeuticAreas[0]", "researchTopics[1]")));
        profile.put("researchTopics", List.of("Car-T persistence"));
        create(ada, profile).then().statusCode(400).body("errors.field", hasItem("researchTopics[0]"));
    }

    @Test
    void shouldRefuseAnUnknownTopicOnPatchAndUpsertAndChangeNothing() {
        String id = create(ada, profile("Patched")).then().statusCode(201).extract().path("id");
        KolResourceTest.patch(ada, id, "\"1\"", Map.of("researchTopics", List.of("no-such-topic"))).then()
                .statusCode(400).body("errors.field", equalTo(List.of("researchTopics[0]")));
        KolResourceTest.patch(ada, id, "\"1\"", Map.of("researchTopics", List.of("heart-failure-biomarkers")))
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("researchTopics", equalTo(List.of("heart-failure-biomarkers")));

        String crmId = UUID.randomUUID().toString();
        Map<String, Object> synced = profile("Synced");
        synced.put("researchTopics", List.of("immunotherapy-resistance", "nope"));
        upsert(crmId, synced).then().statusCode(400).body("errors.field", equalTo(List.of("researchTopics[1]")));
        synced.put("researchTopics", List.of("immunotherapy-resistance"));
        upsert(crmId, synced).then().statusCode(201).body("researchTopics", equalTo(List.of("immunotherapy-resistance")));
    }

    @Test
    void shouldDocumentTheTopicEndpointsWithTypedSchemasAndExamples() {
        var openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(openApi.getString("paths.'/api/v1/research-topics'.get.responses.'200'.content.'application/json'"
                + ".schema.items.$ref")).isEqualTo("#/components/schemas/ResearchTopic");
        assertThat(openApi.getString("paths.'/api/v1/research-topics/{code}'.put.requestBody.content."
                + "'application/json'.schema.$ref")).isEqualTo("#/components/schemas/ResearchTopicBody");
        assertThat(openApi.getList("components.schemas.ResearchTopic.properties.code.examples"))
                .containsExactly("immunotherapy-resistance");
        assertThat(openApi.getString("components.schemas.Kol.properties.researchTopics.type")
                + openApi.getString("components.schemas.KolProfile.properties.researchTopics.type")).contains("array");
    }

    private static Response put(String token, String code, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .urlEncodingEnabled(false).put("/api/v1/research-topics/" + code);
    }

    private static Response upsert(String externalId, Map<String, Object> profile) {
        return given().header("Authorization", INTEGRATION).contentType(ContentType.JSON).body(profile)
                .put("/api/v1/kols/by-external-id/crm/" + externalId);
    }
}
