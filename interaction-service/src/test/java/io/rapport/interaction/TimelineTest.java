package io.rapport.interaction;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.BOB;
import static io.rapport.interaction.Fixtures.msl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A KOL's timeline: interactions, follow-ups and requests together, newest first. */
@QuarkusTest
class TimelineTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldShowEverythingAboutTheKolNewestFirstAndPaged() {
        String kol = Fixtures.kol();
        Map<String, Object> early = Fixtures.planned(kol);
        early.put("plannedStart", "2099-01-01T09:00:00Z");
        String meeting = Fixtures.create(ada, early).then().statusCode(201).extract().path("id");
        Map<String, Object> question = new HashMap<>(MedicalRequestTest.request(kol));
        String request = given().header("Authorization", ada).contentType("application/json").body(question)
                .post("/api/v1/medical-requests").then().statusCode(201).extract().path("id");
        String followUp = FollowUpTest.followUp(ada, meeting, Map.of("description", "d", "dueDate", "2099-02-01"))
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).get("/api/v1/kols/" + kol + "/timeline").then().statusCode(200)
                .body("items.type", contains("INTERACTION", "FOLLOW_UP", "MEDICAL_REQUEST"))
                .body("items.id", contains(meeting, followUp, request));
        String next = given().header("Authorization", ada).queryParam("limit", 2).get("/api/v1/kols/" + kol + "/timeline")
                .then().body("items.id", contains(meeting, followUp)).extract().path("nextCursor");
        given().header("Authorization", ada).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/kols/" + kol + "/timeline").then().body("items.id", contains(request));
        given().header("Authorization", msl(BOB)).get("/api/v1/kols/" + kol + "/timeline").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
