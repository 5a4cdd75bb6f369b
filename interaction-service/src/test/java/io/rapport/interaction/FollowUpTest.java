package io.rapport.interaction;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.BOB;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Follow-ups promised in interactions: due dates, overdue lists, closing them. */
@QuarkusTest
class FollowUpTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldPromiseAFollowUpAssignedToTheInteractionsMsl() {
        String interaction = Fixtures.interactionOf(ada, Fixtures.kol());
        followUp(ada, interaction, Map.of("description", "Send the subgroup analysis", "dueDate", "2027-01-15"))
                .then().statusCode(201).header("ETag", "\"1\"").body("assignee", equalTo(ADA)).body("status", equalTo("OPEN"))
                .body("kind", equalTo("GENERAL")).body("timeZone", equalTo("Europe/Berlin"));
        followUp(msl(BOB), interaction, Map.of("description", "x", "dueDate", "2027-01-15")).then().statusCode(404);
    }

    @Test
    void shouldListMyOverdueFollowUpsSoonestFirst() {
        String interaction = Fixtures.interactionOf(ada, Fixtures.kol());
        String yesterday = LocalDate.now().minusDays(2).toString();
        String overdue = followUp(ada, interaction, Map.of("description", "late", "dueDate", yesterday))
                .then().statusCode(201).body("overdue", equalTo(true)).extract().path("id");
        String later = followUp(ada, interaction, Map.of("description", "later", "dueDate", "2099-01-01"))
                .then().statusCode(201).body("overdue", equalTo(false)).extract().path("id");
        given().header("Authorization", ada).queryParam("assignee", "me").queryParam("overdue", true)
                .get("/api/v1/follow-ups").then().statusCode(200).body("items.id", hasItem(overdue))
                .body("items.id", not(hasItem(later)));
        given().header("Authorization", msl(BOB)).queryParam("assignee", "me").get("/api/v1/follow-ups").then()
                .body("items.id", not(hasItem(overdue)));
    }

    @Test
    void shouldCloseAFollowUpAndKeepItClosed() {
        String interaction = Fixtures.interactionOf(ada, Fixtures.kol());
        String id = followUp(ada, interaction, Map.of("description", "call back", "dueDate", "2099-01-01"))
                .then().statusCode(201).extract().path("id");
        patch(id, "\"1\"", Map.of("dueDate", "2099-02-01")).then().statusCode(200).body("dueDate", equalTo("2099-02-01"));
        patch(id, "\"2\"", Map.of("status", "DONE")).then().statusCode(200).body("status", equalTo("DONE"));
        patch(id, "\"3\"", Map.of("status", "OPEN")).then().statusCode(409).body("type", endsWith("/invalid-transition"));
        patch(id, "\"3\"", Map.of("assignee", "nobody-in-directory")).then().statusCode(409);
        given().header("Authorization", ada).queryParam("assignee", "me").queryParam("status", "DONE")
                .get("/api/v1/follow-ups").then().body("items.id", hasItem(id));
    }

    @Test
    void shouldRefuseAnAssigneeOutsideTheDirectory() {
        String interaction = Fixtures.interactionOf(ada, Fixtures.kol());
        KolServiceStub.setUp(true);
        followUp(ada, interaction, Map.of("description", "x", "dueDate", "2099-01-01", "assignee", "ghost-msl"))
                .then().statusCode(422).body("type", endsWith("/unknown-msl"));
        String id = followUp(ada, interaction, Map.of("description", "x", "dueDate", "2099-01-01"))
                .then().statusCode(201).extract().path("id");
        patch(id, "\"1\"", Map.of("description", "")).then().statusCode(400).body("errors[0].field", equalTo("description"));
        given().header("Authorization", ada).get("/api/v1/follow-ups/" + id).then().statusCode(200)
                .body("interactionId", equalTo(interaction)).body("description", equalTo("x"));
    }

    private Response patch(String id, String ifMatch, Map<String, Object> body) {
        return given().header("Authorization", ada).header("If-Match", ifMatch).contentType("application/merge-patch+json")
                .body(body).patch("/api/v1/follow-ups/" + id);
    }

    static Response followUp(String token, String interaction, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/interactions/" + interaction + "/follow-ups");
    }
}
