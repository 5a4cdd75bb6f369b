package io.rapport.insight.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.insight.Fixtures;
import io.rapport.testing.OpenApiOperations;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query of {@code GET /insights} (one record of twelve parameters): a malformed parameter is a 400 naming it
 * once, and the OpenAPI document lists every parameter with its constraints.
 */
@QuarkusTest
class SearchParametersTest {

    private static final String TEXT = "[^\\p{Cntrl}]*";

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldNameTheMalformedParameterOnceWithItsMessage() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("q", List.of("x".repeat(201), "size must be between 0 and 200"));
        cases.put("therapeuticArea", List.of("not a code", "a therapeutic area code"));
        cases.put("tag", List.of("Not A Tag", "a lower-case keyword"));
        cases.put("author", List.of("bell\u0007", "no control characters"));
        cases.put("team", List.of("x".repeat(101), "size must be between 0 and 100"));
        cases.forEach((name, badAndMessage) -> {
            JsonNode problem = given().header("Authorization", ADMIN).queryParam(name, badAndMessage.get(0))
                    .get("/api/v1/insights").then().statusCode(400).contentType("application/problem+json")
                    .extract().as(JsonNode.class);
            assertThat(problem.path("errors").size()).as("errors for %s", name).isEqualTo(1);
            assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo(name);
            assertThat(problem.path("errors").path(0).path("message").asText()).isEqualTo(badAndMessage.get(1));
        });
    }

    @Test
    void shouldNameEveryMalformedParameterAtOnce() {
        JsonNode problem = given().header("Authorization", ADMIN).queryParam("q", "x".repeat(201))
                .queryParam("tag", "Not A Tag").queryParam("team", "x".repeat(101)).get("/api/v1/insights").then()
                .statusCode(400).extract().as(JsonNode.class);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("q", "tag", "team");
    }

    @Test
    void shouldDocumentEveryQueryParameterWithItsConstraints() {
        OpenApiOperations.Operation search = Fixtures.documentedOperations().stream()
                .filter(operation -> operation.key().equals("GET /api/v1/insights")).findFirst().orElseThrow();
        Map<String, OpenApiOperations.Parameter> parameters = search.parameters().stream()
                .collect(Collectors.toMap(OpenApiOperations.Parameter::name, parameter -> parameter));
        assertThat(parameters).containsOnlyKeys("q", "status", "category", "therapeuticArea", "tag", "kolId", "author",
                "team", "from", "to", "limit", "cursor");
        assertThat(parameters.values()).allMatch(p -> p.isQuery() && !p.required());
        assertThat(schema(parameters, "q")).containsExactly("string", "200", TEXT);
        assertThat(schema(parameters, "author")).containsExactly("string", "100", TEXT);
        assertThat(schema(parameters, "team")).containsExactly("string", "100", TEXT);
        assertThat(schema(parameters, "tag")).containsExactly("string", "", "[a-z0-9][a-z0-9-]{0,49}");
        assertThat(schema(parameters, "therapeuticArea")).containsExactly("string", "", "[A-Z0-9_-]{1,40}");
        assertThat(parameters.get("status").enumerated()).isTrue();
        assertThat(parameters.get("category").enumerated()).isTrue();
        assertThat(parameters.get("kolId").format()).isEqualTo("uuid");
        assertThat(parameters.get("limit").type()).isEqualTo("integer");
    }

    /** Type, maxLength and pattern of a parameter's schema ("" when absent). */
    private static List<String> schema(Map<String, OpenApiOperations.Parameter> parameters, String name) {
        JsonNode schema = parameters.get(name).schema();
        return List.of(schema.path("type").asText(""), schema.path("maxLength").asText(""),
                schema.path("pattern").asText(""));
    }
}
