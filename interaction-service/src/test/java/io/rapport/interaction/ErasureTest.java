package io.rapport.interaction;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.http.ContentType;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.action;
import static io.rapport.interaction.Fixtures.completion;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A KOL erased in kol-service: free text goes here too, except what a legal obligation keeps (pseudonymised). */
@QuarkusTest
class ErasureTest {

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldEraseFreeTextButKeepSafetyRecordsWithThePseudonymisedKol() {
        String kol = Fixtures.kol();
        Map<String, Object> ordinary = Fixtures.planned(kol);
        ordinary.put("objective", "Discuss the private research plans of this KOL");
        String plain = Fixtures.create(ada, ordinary).then().statusCode(201).extract().path("id");
        action(ada, plain, "complete", "\"1\"", completion()).then().statusCode(200);
        String held = Fixtures.interactionOf(ada, kol);
        Map<String, Object> withSafety = completion();
        withSafety.put("adverseEventMentioned", true);
        withSafety.put("outcome", "KOL reported a rash in one patient");
        action(ada, held, "complete", "\"1\"", withSafety).then().statusCode(200);
        Map<String, Object> question = MedicalRequestTest.request(kol);
        question.put("question", "A private question about a named patient");
        String request = given().header("Authorization", ada).contentType(ContentType.JSON).body(question)
                .post("/api/v1/medical-requests").then().statusCode(201).extract().path("id");
        FollowUpTest.followUp(ada, plain, Map.of("description", "Send the KOL's private notes back", "dueDate", "2099-01-01"))
                .then().statusCode(201);

        Fixtures.eraseKol(kol, 9);
        await().atMost(Duration.ofSeconds(30)).until(() -> DevstackResource.sql(
                "SELECT objective FROM interaction WHERE id = '" + plain + "'").equals("[erased]"));

        given().header("Authorization", ada).get("/api/v1/interactions/" + plain).then().statusCode(200)
                .body("objective", equalTo("[erased]")).body("outcome", equalTo("[erased]")).body("kolId", equalTo(kol))
                .body("status", equalTo("COMPLETED")).body("feedbackScore", equalTo(4));
        given().header("Authorization", ada).get("/api/v1/interactions/" + held).then().statusCode(200)
                .body("outcome", equalTo("KOL reported a rash in one patient")).body("kolId", not(equalTo(kol)));
        given().header("Authorization", ada).get("/api/v1/medical-requests/" + request).then()
                .body("question", equalTo("[erased]"));
        assertThat(DevstackResource.sql("SELECT string_agg(description, '|') FROM follow_up WHERE interaction_id = '"
                + plain + "'")).isEqualTo("[erased]");
        assertThat(DevstackResource.sql("SELECT string_agg(changes::text, ' ') FROM audit_entry WHERE aggregate_id IN ('"
                + plain + "', '" + request + "')")).doesNotContain("private research", "named patient");
        assertThat(DevstackResource.sql("SELECT data ->> 'status' FROM replica WHERE kind = 'kol' AND id = '" + kol + "'"))
                .isEqualTo("ERASED");
        Fixtures.create(ada, Fixtures.planned(kol)).then().statusCode(422);
    }
}
