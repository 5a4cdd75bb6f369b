package io.rapport.metrics;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** GDPR Art. 15: metrics-service's part of a KOL's export, for admins only (kol-service gathers it). */
@QuarkusTest
class PersonalDataTest {

    @Test
    void shouldExportEverythingItHoldsAboutAKol() {
        Scenario s = Scenario.fresh();
        UUID interaction = UUID.randomUUID();
        UUID share = UUID.randomUUID();
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", s.completed(interaction, 2, "2026-05-04", 4));
            feed.send("rapport.resource.shared.v1", s.share(share, "2026-05-05"));
            feed.awaitApplied();
        }
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + s.kol + "/personal-data").then().statusCode(200)
                .body("service", equalTo("metrics-service")).body("kolId", equalTo(s.kol))
                .body("records.profile", hasSize(1)).body("records.profile[0].status", equalTo("ACTIVE"))
                .body("records.profile[0].tier", equalTo(1)).body("records.profile[0].country", equalTo("DE"))
                .body("records.profile[0].assignedMsls", contains(s.msl))
                .body("records.relationshipHealth", hasSize(1))
                .body("records.dailyCounters.findAll { it.metric == 'interactions.completed' }.day", contains("2026-05-04"))
                .body("records.dailyCounters.findAll { it.metric == 'resources.shared' }.value", contains(1))
                .body("records.contacts.mslId", hasItem(s.msl)).body("records.contacts.team", hasItem(s.team))
                .body("records.countedRecords.aggregateId", containsInAnyOrder(interaction.toString(), share.toString()))
                .body("records.countedRecords.kind", containsInAnyOrder("interaction", "share"))
                .body("records.countedRecords[0].contribution.cells", hasSize(1));
    }

    @Test
    void shouldAnswerEmptyRecordsForAKolItKnowsNothingAbout() {
        String unknown = UUID.randomUUID().toString();
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + unknown + "/personal-data").then().statusCode(200)
                .body("service", equalTo("metrics-service")).body("kolId", equalTo(unknown))
                .body("records.profile", empty()).body("records.relationshipHealth", empty())
                .body("records.dailyCounters", empty()).body("records.contacts", empty())
                .body("records.countedRecords", empty());
    }

    @Test
    void shouldLetOnlyAdminsReadAKolsPersonalData() {
        Scenario s = Scenario.fresh();
        String path = "/api/v1/kols/" + s.kol + "/personal-data";
        for (String token : List.of(Tokens.msl(s.msl), Tokens.manager(s.manager()),
                Tokens.INTEGRATION, Tokens.REPORTING)) {
            given().header("Authorization", token).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get(path).then().statusCode(401);
    }
}
