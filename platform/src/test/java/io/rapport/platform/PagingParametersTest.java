package io.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every paged operation the test application's OpenAPI documents (every GET with a {@code cursor} query
 * parameter) answers every malformed paging parameter with a 400 problem naming it, never a 500: a limit that
 * is not a number or out of range, a cursor that is not Base64URL, and well-formed cursors holding something
 * other than the list's sort key.
 */
@QuarkusTest
class PagingParametersTest {

    private static final String MSL = Tokens.bearer("msl-ada", "msl");
    private static final List<String> BAD_LIMITS = List.of("ten", "1.5", "-1", "0", "501", "99999999999", "0x10", "1e2");

    @Test
    void shouldAnswerEveryMalformedPagingParameterOfEveryPagedOperationWith400() throws Exception {
        String note = given().header("Authorization", MSL).contentType(ContentType.JSON)
                .body(Map.of("title", "paged-" + UUID.randomUUID())).post("/api/v1/notes").then().statusCode(201)
                .extract().path("id");
        List<String> paged = pagedOperations();
        assertThat(paged).as("the OpenAPI documents the paged lists").contains("/api/v1/notes", "/api/v1/notes/{id}/history");
        List<String> failures = new ArrayList<>();
        for (String template : paged) {
            String path = template.replaceAll("\\{[^}]+}", note);
            given().header("Authorization", MSL).get(path).then().statusCode(200);
            for (String limit : BAD_LIMITS) {
                check(failures, path, "limit", limit);
            }
            for (String cursor : badCursors()) {
                check(failures, path, "cursor", cursor);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String path, String parameter, String value) {
        Response response = given().header("Authorization", MSL).urlEncodingEnabled(true).queryParam(parameter, value)
                .get(path);
        String field = response.statusCode() == 400 ? response.jsonPath().getString("errors[0].field") : null;
        if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")
                || !parameter.equals(field)) {
            failures.add("GET " + path + "?" + parameter + "=" + value + " -> " + response.statusCode() + " "
                    + response.asString());
        }
    }

    private static List<String> badCursors() {
        String id = UUID.randomUUID().toString();
        List<String> cursors = new ArrayList<>(List.of("garbage!", "a+b/c==", "%%%"));
        for (String json : List.of("not json", "{}", "[]", "[null]", "[[1]]", "[\"x\"]", "[\"x\"] trailing",
                "[\"yesterday\",\"" + id + "\"]", "[\"" + id + "\",\"2026-12-01T09:00:00Z\"]",
                "[\"2026-12-01T09:00:00Z\",\"not-a-uuid\"]", "[\"+1000000000-12-31T23:59:59Z\",\"" + id + "\"]",
                "[\"2026-12-01T09:00:00Z\",\"nul\\u0000\"]", "[\"" + "9".repeat(300) + "\",\"" + id + "\"]")) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        }
        return cursors;
    }

    private static List<String> pagedOperations() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> paged = new ArrayList<>();
        openapi.path("paths").properties().forEach(path -> {
            JsonNode get = path.getValue().path("get");
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameters::add);
            get.path("parameters").forEach(parameters::add);
            if (parameters.stream().anyMatch(p -> "cursor".equals(p.path("name").asText())
                    && "query".equals(p.path("in").asText()))) {
                paged.add(path.getKey());
            }
        });
        return paged;
    }
}
