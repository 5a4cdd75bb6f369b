package io.rapport.kol;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Therapeutic areas, products and the MSL directory, and their events on rapport.reference.v1. */
@QuarkusTest
class ReferenceDataTest {

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldPublishATherapeuticAreaOnceAndNotAgainWhenUnchanged() {
        String code = "TA_" + System.nanoTime() % 1_000_000;
        try (EmittedEvents events = EmittedEvents.on("rapport.reference.v1")) {
            put("/api/v1/therapeutic-areas/" + code, Map.of("name", "Neurology")).then().statusCode(201);
            put("/api/v1/therapeutic-areas/" + code, Map.of("name", "Neurology")).then().statusCode(200);
            put("/api/v1/therapeutic-areas/" + code, Map.of("name", "Neuroscience")).then().statusCode(200)
                    .body("version", equalTo(2));
            List<ReceivedEvent> published = events.awaitCount(e -> ("therapeutic-area:" + code).equals(e.subject()), 2);
            published.forEach(EventSchemas::assertValid);
            assertThat(events.drain(Duration.ofMillis(500)).stream().filter(e -> e.subject().endsWith(code))).hasSize(2);
        }
        given().header("Authorization", Tokens.msl("msl-ada")).get("/api/v1/therapeutic-areas").then().statusCode(200)
                .body("code", hasItem(code));
    }

    @Test
    void shouldRefuseAProductInAnUnknownAreaOrMarket() {
        put("/api/v1/products/X1", Map.of("name", "X", "therapeuticArea", "NOPE", "markets", List.of("DE")))
                .then().statusCode(400).body("errors[0].field", equalTo("therapeuticArea"));
        put("/api/v1/products/X1", Map.of("name", "X", "therapeuticArea", "ONCOLOGY", "markets", List.of("ZZ")))
                .then().statusCode(400).body("errors[0].field", equalTo("markets[0]"));
    }

    @Test
    void shouldPublishProductsAndDirectoryEntriesWithoutTheMslsName() {
        try (EmittedEvents events = EmittedEvents.on("rapport.reference.v1")) {
            put("/api/v1/products/ONC-101", Map.of("name", "Tumorex", "therapeuticArea", "ONCOLOGY",
                    "markets", List.of("DE", "FR"))).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            Fixtures.directory("msl-ref", "oncology-north", "mgr-grace");
            ReceivedEvent product = events.await(e -> "product:ONC-101".equals(e.subject()));
            ReceivedEvent msl = events.await(e -> "msl:msl-ref".equals(e.subject()));
            EventSchemas.assertValid(product);
            EventSchemas.assertValid(msl);
            assertThat(msl.data().path("team").asText()).isEqualTo("oncology-north");
            assertThat(msl.data().has("displayName")).isFalse();
        }
        given().header("Authorization", Tokens.REPORTING).get("/api/v1/msls/msl-ref").then().statusCode(200)
                .body("displayName", equalTo("MSL msl-ref")).body("manager", equalTo("mgr-grace"));
    }

    @Test
    void shouldRefuseADirectoryEntryWithABadTimeZoneOrUnknownArea() {
        put("/api/v1/msls/msl-bad", Map.of("displayName", "x", "team", "t", "timeZone", "Mars/Olympus"))
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        put("/api/v1/msls/msl-bad", Map.of("displayName", "x", "team", "t", "timeZone", "Europe/Paris",
                "therapeuticAreas", List.of("NOPE"))).then().statusCode(400)
                .body("errors[0].field", equalTo("therapeuticAreas[0]"));
    }

    @Test
    void shouldRefuseTeamsNamesAndManagersWithTheSeparatorsOfSqlArraysOrOtherControlCharacters() {
        for (String bad : new String[] { "onc\u001feurope", "onc\u001eeurope", "onc\neurope", "onc\u0000", "onc\u0085" }) {
            put("/api/v1/msls/msl-ctl", Map.of("displayName", "x", "team", bad, "timeZone", "Europe/Paris"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("team"));
            put("/api/v1/msls/msl-ctl", Map.of("displayName", bad, "team", "t", "timeZone", "Europe/Paris"))
                    .then().statusCode(400).body("errors[0].field", equalTo("displayName"));
            put("/api/v1/msls/msl-ctl", Map.of("displayName", "x", "team", "t", "manager", bad, "timeZone",
                    "Europe/Paris")).then().statusCode(400).body("errors[0].field", equalTo("manager"));
            put("/api/v1/therapeutic-areas/CTL", Map.of("name", bad)).then().statusCode(400)
                    .body("errors[0].field", equalTo("name"));
        }
        given().header("Authorization", Tokens.REPORTING).get("/api/v1/msls/msl-ctl").then().statusCode(404);
        put("/api/v1/msls/msl-ctl", Map.of("displayName", "Zoë Ünal-Ávila", "team", "oncology europe (north)",
                "manager", "mgr.zoe@example.org", "timeZone", "Europe/Paris")).then().statusCode(201);
    }

    @Test
    void shouldRefuseAnMslIdThatNoSignInTokenWouldCarry() {
        for (String id : new String[] { "has%20space", "-leading-dash", "%E6%96%87" }) {
            put("/api/v1/msls/" + id, Map.of("displayName", "x", "team", "t", "timeZone", "Europe/Paris"))
                    .then().statusCode(400).body("errors[0].field", equalTo("id"));
        }
        given().header("Authorization", Tokens.REPORTING).get("/api/v1/msls").then().statusCode(200)
                .body("items.userId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("has space")));
    }

    @Test
    void shouldLetOnlyAdminsAndIntegrationsMaintainReferenceData() {
        given().header("Authorization", Tokens.manager("mgr-1")).contentType(ContentType.JSON)
                .body(Map.of("name", "X")).put("/api/v1/therapeutic-areas/X").then().statusCode(403);
        given().header("Authorization", Tokens.INTEGRATION).contentType(ContentType.JSON)
                .body(Map.of("name", "Dermatology")).put("/api/v1/therapeutic-areas/DERMATOLOGY")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().get("/api/v1/msls").then().statusCode(401);
    }

    private static io.restassured.response.Response put(String path, Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).put(path);
    }
}
