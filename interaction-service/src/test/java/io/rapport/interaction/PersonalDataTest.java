package io.rapport.interaction;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.GRACE;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** GDPR Art. 15: an admin gets everything this service holds about a KOL, with free text and history; nobody else. */
@QuarkusTest
class PersonalDataTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldListEveryRecordAboutTheKolWithItsFreeTextAndHistoryToAnAdminOnly() {
        KolStates.Kol kol = KolStates.in(KolStates.State.ACTIVE);
        Map<String, Object> bobs = Fixtures.planned(kol.id());
        bobs.put("objective", "Bob's objective with this KOL");
        String bob = Fixtures.create(msl(Fixtures.BOB), bobs).then().statusCode(201).extract().path("id");
        String followUp = FollowUpTest.followUp(ada, kol.earlierInteraction(),
                Map.of("description", "Send the poster", "dueDate", "2099-01-01")).then().statusCode(201).extract().path("id");
        String request = given().header("Authorization", ada).contentType(ContentType.JSON)
                .body(MedicalRequestTest.request(kol.id())).post("/api/v1/medical-requests").then().statusCode(201)
                .extract().path("id");

        given().header("Authorization", ADMIN).get("/api/v1/kols/" + kol.id() + "/personal-data").then().statusCode(200)
                .body("service", equalTo("interaction-service")).body("kolId", equalTo(kol.id()))
                .body("records.kol[0].kolId", equalTo(kol.id()))
                .body("records.interactions.id", hasItem(bob))
                .body("records.interactions.id", hasItem(kol.earlierInteraction()))
                .body("records.interactions.objective", hasItem("Bob's objective with this KOL"))
                .body("records.interactions.find { it.id == '" + bob + "' }.history.action", contains("recorded"))
                .body("records.followUps.id", contains(followUp))
                .body("records.followUps[0].description", equalTo("Send the poster"))
                .body("records.medicalRequests.id", contains(request))
                .body("records.medicalRequests[0].question", equalTo("What is the evidence in the elderly?"))
                .body("records.medicalRequests[0].history", hasSize(1));
        for (String token : new String[] { ada, manager(GRACE), REPORTING, INTEGRATION }) {
            given().header("Authorization", token).get("/api/v1/kols/" + kol.id() + "/personal-data").then()
                    .statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void shouldAnswerAnUnknownKolWithEmptyRecords() {
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + UUID.randomUUID() + "/personal-data").then()
                .statusCode(200).body("records.kol", empty()).body("records.interactions", empty())
                .body("records.followUps", empty()).body("records.medicalRequests", empty());
    }
}
