package io.rapport.insight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.OpenApiOperations;
import io.restassured.response.Response;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any malformed paging, filter or sort parameter of any list the OpenAPI documents is a 400 problem naming it,
 * never a 500: garbage cursors and well-formed base64 cursors with the wrong content, out-of-range limits,
 * unknown enum values, impossible instants, characters the database cannot store.
 */
@QuarkusTest
class BadListParametersTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldAnswerEveryMalformedListParameterWith400() {
        String kol = Fixtures.kol();
        String insight = submitted(msl(ADA), insight(kol));
        String resource = approvedResource(resource());
        List<String> failures = new ArrayList<>();
        int lists = 0;
        for (OpenApiOperations.Operation operation : Fixtures.documentedOperations()) {
            if (!operation.lists()) {
                continue;
            }
            lists++;
            String path = operation.path().replace("{kolId}", kol)
                    .replace("{id}", operation.path().startsWith("/api/v1/resources") ? resource : insight);
            Map<String, String> valid = new LinkedHashMap<>();
            for (OpenApiOperations.Parameter parameter : operation.query()) {
                if (parameter.required() || operation.path().endsWith("/themes") && parameter.name().matches("from|to")) {
                    valid.put(parameter.name(), parameter.name().equals("from") ? "2026-01-01T00:00:00Z"
                            : "2026-02-01T00:00:00Z");
                }
            }
            given().header("Authorization", ADMIN).queryParams(valid).get(path).then().statusCode(200);
            for (OpenApiOperations.Parameter parameter : operation.query()) {
                for (String bad : badValues(parameter)) {
                    for (Map<String, String> base : bases(operation, valid)) {
                        Map<String, String> query = new LinkedHashMap<>(base);
                        query.put(parameter.name(), bad);
                        Response response = given().header("Authorization", ADMIN).queryParams(query).get(path);
                        if (response.statusCode() != 400
                                || !response.contentType().startsWith("application/problem+json")) {
                            failures.add(operation.key() + " " + query + " -> " + response.statusCode() + " "
                                    + response.asString());
                        }
                    }
                }
            }
        }
        assertThat(lists).as("list operations found in the OpenAPI document").isGreaterThanOrEqualTo(6);
        assertThat(failures).isEmpty();
    }

    /** The search orders by rank with words and by time without: a cursor must fit the order it continues. */
    private static List<Map<String, String>> bases(OpenApiOperations.Operation operation, Map<String, String> valid) {
        List<Map<String, String>> bases = new ArrayList<>(List.of(valid));
        if (operation.query().stream().anyMatch(p -> p.name().equals("q"))) {
            Map<String, String> words = new LinkedHashMap<>(valid);
            words.put("q", "biomarker");
            bases.add(words);
        }
        return bases;
    }

    private static List<String> badValues(OpenApiOperations.Parameter parameter) {
        String uuid = UUID.randomUUID().toString();
        if (parameter.name().equals("cursor")) {
            return List.of("!!not-base64!!", cursor("[]"), cursor("[\"x\"]"), cursor("[\"x\",\"y\"]"),
                    cursor("[\"2026-01-01T00:00:00Z\",\"not-a-uuid\"]"), cursor("[\"2026-01-01T00:00:00Z\"]"),
                    cursor("[\"99\",\"" + uuid + "\",\"extra\"]"), cursor("{\"after\":1}"), cursor("[null,null]"),
                    cursor("[\"+100000-01-01T00:00:00Z\",\"" + uuid + "\"]"), cursor("\"text\""), cursor("[[1],[2]]"),
                    cursor("[\"99999999999999999999999\",\"" + uuid + "\"]"),
                    // (time, how many of that time were given): a count no page gives.
                    cursor("[\"2026-01-01T00:00:00Z\",\"-1\"]"), cursor("[\"2026-01-01T00:00:00Z\",\"2147483647\"]"));
        }
        List<String> values = new ArrayList<>();
        if (parameter.enumerated()) {
            values.add("BOGUS");
        }
        switch (parameter.type()) {
            case "integer" -> values.addAll(List.of("0", "-1", "100000", "ten", "2147483648", "1.5"));
            case "string" -> {
                switch (parameter.format()) {
                    case "date-time" -> values.addAll(List.of("yesterday", "+100000-01-01T00:00:00Z",
                            "-100000-01-01T00:00:00Z", "2026-13-01T00:00:00Z"));
                    case "uuid" -> values.addAll(List.of("not-a-uuid", "123"));
                    default -> {
                        if (!parameter.enumerated()) {
                            values.addAll(List.of("nul\u0000byte", "bell\u0007", "x".repeat(300)));
                        }
                    }
                }
            }
            default -> {
            }
        }
        assertThat(values).as("bad values for %s", parameter).isNotEmpty();
        return values;
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
