package io.rapport.kol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;

import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * GDPR Art. 15 in one request: kol-service's complete part plus each other service's answer, or a 503 naming the
 * service that could not answer. The other services are {@link OtherServiceStandIns} here.
 */
@QuarkusTest
class KolPersonalDataTest {

    private final String ada = msl("msl-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldReturnEverythingKolServiceHoldsAndEachOtherServicesAnswerAskedWithTheCallersToken() {
        String family = Fixtures.unique("Exported");
        String id = Fixtures.kolOf(ada, family);
        KolResourceTest.patch(ada, id, "\"1\"", Map.of("preferences", Map.of("notes", "prefers mornings")))
                .then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("requestedBy", "the KOL by e-mail", "reason", "REQ-15"))
                .post("/api/v1/kols/" + id + "/objection").then().statusCode(200);
        OtherServiceStandIns.tokens.clear();

        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/personal-data").then().statusCode(200)
                .body("kolId", equalTo(id)).body("exportedAt", notNullValue())
                .body("kol.name.family", equalTo(family)).body("kol.preferences.notes", equalTo("prefers mornings"))
                .body("kol.assignedMsls", equalTo(List.of("msl-ada")))
                .body("kol.dataProtection.objectedAt", notNullValue())
                .body("history.action", equalTo(List.of("created", "updated", "objected")))
                .body("history[1].changes.find { it.field == 'profile.preferences.notes' }.newValue",
                        equalTo("prefers mornings"))
                .body("history[2].reason", equalTo("REQ-15"))
                .body("services.keySet()", equalTo(Set.copyOf(OtherServiceStandIns.SERVICES)))
                .body("services.'interaction-service'.service", equalTo("interaction-service"))
                .body("services.'insight-service'.kolId", equalTo(id))
                .body("services.'metrics-service'.records", equalTo(Map.of()));
        assertThat(OtherServiceStandIns.tokens).as("each service was asked with the caller's token")
                .containsOnlyKeys(OtherServiceStandIns.SERVICES)
                .allSatisfy((service, token) -> assertThat(token).isEqualTo(ADMIN));
    }

    @Test
    void shouldAnswer503NamingTheServiceThatCannotAnswerAndNothingElse() {
        String family = Fixtures.unique("Unanswered");
        String id = Fixtures.kolOf(ada, family);
        OtherServiceStandIns.down("insight-service");
        try {
            given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/personal-data").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", endsWith("/unavailable")).body("services", equalTo(List.of("insight-service")))
                    .body("detail", containsString("insight-service"))
                    .body(not(containsString(family)));
        } finally {
            OtherServiceStandIns.up("insight-service");
        }
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/personal-data").then().statusCode(200)
                .body("kol.name.family", equalTo(family));
    }

    @Test
    void shouldAnswerAccessRequestsToAdminsOnlyAndOnlyForKnownKols() {
        String id = Fixtures.kolOf(ada, "Private");
        given().header("Authorization", ada).get("/api/v1/kols/" + id + "/personal-data").then().statusCode(403);
        given().header("Authorization", Tokens.manager("mgr-1")).get("/api/v1/kols/" + id + "/personal-data").then()
                .statusCode(403);
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + UUID.randomUUID() + "/personal-data").then()
                .statusCode(404);
    }
}
