package io.rapport.platform;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * PostgreSQL stopped: readiness DOWN, requests answered 503 problem+json with Retry-After instead of hanging,
 * and recovery without a restart when it returns. Tested once here for every service.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** A request that hangs fails the test: the client gives up after 3 s. */
    private static final RestAssuredConfig IMPATIENT = RestAssured.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 3000).setParam("http.connection.timeout", 3000));
    private final String msl = Tokens.bearer("msl-ada", "msl");

    @Test
    void shouldAnswer503AndGoNotReadyWhileTheDatabaseIsDownThenRecoverWithoutRestart() {
        DevstackResource.devstack().stopPostgres();
        try {
            given().config(IMPATIENT).header("Authorization", msl).get("/api/v1/notes")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", endsWith("/unavailable"));
            given().config(IMPATIENT).header("Authorization", msl).contentType(ContentType.JSON)
                    .body(Map.of("title", "during-outage-" + UUID.randomUUID())).post("/api/v1/notes")
                    .then().statusCode(503);
            given().config(IMPATIENT).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().config(IMPATIENT).get("/q/health/live").then().log().ifValidationFails().statusCode(200);
        } finally {
            DevstackResource.devstack().startPostgres();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> given().config(IMPATIENT).header("Authorization", msl).get("/api/v1/notes").then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
