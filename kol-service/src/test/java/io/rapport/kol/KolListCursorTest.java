package io.rapport.kol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.OpenApiOperations;
import io.rapport.testing.Tokens;
import io.restassured.response.Response;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every paged list of kol-service (each GET operation of its OpenAPI document with a {@code cursor} parameter)
 * answers a cursor that decodes but holds the wrong values (a word where a time, a number or an id belongs, too
 * few values) with a 400 problem naming the cursor, never a 500.
 */
@QuarkusTest
class KolListCursorTest {

    /** Well-formed cursors (Base64url JSON arrays of strings) that no list of this API issues. */
    private static final List<List<String>> FORGED = List.of(
            List.of("not-a-date", UUID.randomUUID().toString()),
            List.of("2026-01-01T00:00:00Z", "not-a-uuid"),
            List.of("not-a-number", UUID.randomUUID().toString()),
            List.of("99999999999999999999999", UUID.randomUUID().toString()),
            List.of("+10000-01-01T00:00:00Z", UUID.randomUUID().toString()),
            List.of("2026-01-01T00:00:00Z"));

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldAnswerAForgedCursorOnEveryListWithA400Problem() {
        String kol = Fixtures.kolOf(Tokens.msl("msl-cursor"), Fixtures.unique("Cursor"));
        List<String> lists = pagedLists();
        assertThat(lists).as("the paged lists of kol-service").contains("/api/v1/kols", "/api/v1/kols/{id}/history");
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (String list : lists) {
            String path = list.replaceAll("\\{[^}]+}", kol);
            // the search has two sort keys: creation (time, id) and, with words, relevance (rank, id)
            List<Map<String, String>> queries = list.equals("/api/v1/kols") ? List.of(Map.of(), Map.of("q", "cursor"))
                    : List.of(Map.of());
            for (Map<String, String> query : queries) {
                for (List<String> forged : FORGED) {
                    Response answer = given().header("Authorization", ADMIN).queryParams(query)
                            .queryParam("cursor", cursor(forged)).get(path);
                    tried++;
                    String got = answer.statusCode() + " " + answer.contentType() + " "
                            + answer.jsonPath().getString("errors[0].field");
                    if (!got.matches("400 application/problem\\+json.* cursor")
                            || !String.valueOf(answer.jsonPath().getString("type")).endsWith("/validation")) {
                        wrong.add("GET " + list + " " + query + " cursor " + forged + " answered " + got);
                    }
                }
            }
        }
        assertThat(wrong).as("forged cursors not refused with a 400 problem, of %d tried", tried).isEmpty();
    }

    private static List<String> pagedLists() {
        return Fixtures.documentedOperations().stream()
                .filter(operation -> operation.method().equals("GET"))
                .filter(operation -> operation.parameters().stream().anyMatch(p -> p.name().equals("cursor")))
                .map(OpenApiOperations.Operation::path)
                .toList();
    }

    private static String cursor(List<String> values) {
        String json = "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
