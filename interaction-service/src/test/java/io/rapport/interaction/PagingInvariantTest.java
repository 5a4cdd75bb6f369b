package io.rapport.interaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.OpenApiOperations;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any malformed paging or filter parameter is a 400 problem naming it, never a 500, on every list operation of
 * the OpenAPI document: limits out of range, cursors that are not base64 JSON, and well-formed cursors with the
 * wrong content (another list's cursor, wrong values, too few or too many, a negative count).
 */
@QuarkusTest
class PagingInvariantTest {

    private static final List<String> BAD_LIMITS = List.of("0", "-1", "501", "ten", "1.5");
    private static final List<String> BAD_CURSORS = List.of("not a cursor!", "%%%", cursor("[]"), cursor("{\"a\":1}"),
            cursor("\"text\""), cursor("[1,2]"), cursor("[null,null]"), cursor("[\"2026-01-01T00:00:00Z\"]"),
            cursor("[\"x\",\"y\"]"), cursor("[\"2026-01-01T00:00:00Z\",\"not-a-uuid\"]"),
            cursor("[\"2026-01-01\",\"" + UUID.randomUUID() + "\"]"),
            cursor("[\"2026-01-01T00:00:00Z\",\"" + UUID.randomUUID() + "\"]"),
            cursor("[\"2026-01-01T00:00:00Z\",\"" + UUID.randomUUID() + "\",\"extra\"]"),
            cursor("[\"2026-01-01T00:00:00Z\",\"0123456789abcdef0123456789abcdef\"]"),
            cursor("[\"2026-01-01T00:00:00Z\",\"3\"]"), cursor("[\"2026-01-01T00:00:00Z\",\"2147483647\"]"),
            cursor("[\"2026-01-01T00:00:00Z\",\"-1\"]"), cursor("[\"2026-01-01T00:00:00Z\",\"1.5\"]"),
            cursor("[\"2026-01-01T00:00:00Z\",\"99999999999\"]"), cursor("[\"0000-12-31T00:00:00Z\",\"3\"]"));

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldAnswerEveryMalformedPagingOrFilterParameterOfEveryListWith400() {
        KolStates.Kol kol = KolStates.in(KolStates.State.ACTIVE);
        String request = given().header("Authorization", Tokens.msl(Fixtures.ADA)).contentType(ContentType.JSON)
                .body(MedicalRequestTest.request(kol.id())).post("/api/v1/medical-requests").then().statusCode(201)
                .extract().path("id");
        List<String> failures = new ArrayList<>();
        int lists = 0;
        for (OpenApiOperations.Operation operation : Fixtures.documentedOperations()) {
            if (!operation.method().equals("GET") || !takes(operation, "cursor")) {
                continue;
            }
            lists++;
            String path = operation.path().replace("{id}", operation.path().startsWith("/api/v1/medical-requests")
                    ? request
                    : kol.earlierInteraction()).replace("{kolId}", kol.id());
            Response valid = given().header("Authorization", ADMIN).get(path);
            if (valid.statusCode() != 200) {
                failures.add(operation.key() + " answers " + valid.statusCode() + " without parameters");
                continue;
            }
            for (String cursor : BAD_CURSORS) {
                if (accepts(operation, cursor)) {
                    int status = given().header("Authorization", ADMIN).queryParam("cursor", cursor).get(path).statusCode();
                    if (status != 200) {
                        failures.add(operation.key() + " answers " + status + " to a cursor of its own shape " + cursor);
                    }
                }
            }
            Map<String, List<String>> bad = new HashMap<>();
            bad.put("limit", BAD_LIMITS);
            List<String> cursors = new ArrayList<>(BAD_CURSORS);
            cursors.removeIf(c -> accepts(operation, c));
            bad.put("cursor", cursors);
            for (OpenApiOperations.Parameter parameter : operation.query()) {
                String name = parameter.name();
                if (!name.equals("limit") && !name.equals("cursor") && typed(parameter.schema())) {
                    bad.put(name, List.of("bogus", "2026-13-45", "' OR 1=1 --"));
                }
            }
            bad.forEach((name, values) -> {
                for (String value : values) {
                    RequestSpecification call = given().header("Authorization", ADMIN).queryParam(name, value);
                    Response response = call.get(path);
                    if (response.statusCode() != 400 || !String.valueOf(response.contentType()).startsWith(
                            "application/problem+json")) {
                        failures.add(operation.key() + " ?" + name + "=" + value + ": " + response.statusCode() + " "
                                + response.asString());
                    }
                }
            });
        }
        assertThat(lists).as("list operations found in the OpenAPI document").isGreaterThanOrEqualTo(6);
        assertThat(failures).isEmpty();
    }

    /** Whether the operation documents this query parameter. */
    private static boolean takes(OpenApiOperations.Operation operation, String query) {
        return operation.query().stream().anyMatch(parameter -> parameter.name().equals(query));
    }

    /** A cursor of the shape this list itself hands out is a valid one (it just points somewhere). */
    private static boolean accepts(OpenApiOperations.Operation operation, String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String rest = "\\]";
        boolean instantUuid = decoded.matches("\\[\"2026-01-01T00:00:00Z\",\"[0-9a-f-]{36}\"" + rest);
        boolean instantCount = decoded.matches("\\[\"2026-01-01T00:00:00Z\",\"[0-9]{1,10}\"" + rest);
        boolean dateUuid = decoded.matches("\\[\"2026-01-01\",\"[0-9a-f-]{36}\"" + rest);
        return switch (operation.path()) {
            case "/api/v1/kols/{kolId}/timeline" -> instantCount;
            case "/api/v1/follow-ups" -> dateUuid;
            default -> instantUuid;
        };
    }

    /**
     * A parameter with a type the API parses (enum, UUID, instant, date, boolean, number), not free text; the schema
     * comes with its references resolved, the checks of {@code $ref} and compositions stay for what is left unresolved.
     */
    private static boolean typed(JsonNode schema) {
        String type = schema.path("type").asText();
        return schema.has("$ref") || schema.has("enum") || schema.has("format") || "boolean".equals(type)
                || "integer".equals(type) || "number".equals(type) || schema.has("allOf") || schema.has("oneOf");
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
