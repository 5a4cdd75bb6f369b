package io.rapport.metrics;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.DevTokens;
import io.rapport.metrics.api.StreamSlots;
import io.rapport.testing.OpenApiOperations;
import io.rapport.testing.OpenApiOperations.Operation;
import io.rapport.testing.OpenApiOperations.Parameter;
import io.rapport.testing.SseClient;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query parameter of every operation metrics-service documents, malformed: a 400 problem naming it, never a
 * 500 and never a number. Values by what the OpenAPI says the parameter is (a date, an enum, an integer, a UUID,
 * a cursor, a name), plus the same odd values for all; the period's own rules (from after to, more than ten
 * years, more buckets than a chart can hold) too.
 */
@QuarkusTest
class BadParametersTest {

    static final String VALIDATION = "https://rapport.dev/problems/validation";

    @TestHTTPResource("/")
    URL base;

    @Inject
    StreamSlots slots;

    @Test
    void shouldAnswerEveryMalformedQueryParameterWithA400Problem() throws Exception {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Operation op : documentedReads("/api/v1/")) {
            for (Parameter param : op.query()) {
                for (String value : malformed(param)) {
                    tried++;
                    String problem = refused(op, Map.of(param.name(), value), param.name());
                    if (problem != null) {
                        wrong.add(op + " ?" + param.name() + "=" + printable(value) + ": " + problem);
                    }
                }
            }
        }
        assertThat(tried).as("malformed values tried").isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldRefuseAPeriodItCannotAnswerOnEveryOperationThatTakesOne() throws Exception {
        List<Map<String, String>> periods = List.of(
                Map.of("from", "2026-02-01", "to", "2026-01-31"),
                Map.of("from", "2000-01-01", "to", "2026-01-01"),
                Map.of("from", "9999-12-30"),
                Map.of("to", "1900-01-05"),
                Map.of("from", "1899-12-31", "to", "1900-01-05"));
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Operation op : documentedReads("/api/v1/")) {
            if (op.query().stream().noneMatch(p -> p.name().equals("from"))) {
                continue;
            }
            for (Map<String, String> period : periods) {
                tried++;
                String problem = refused(op, period, null);
                if (problem != null) {
                    wrong.add(op + " " + period + ": " + problem);
                }
            }
            if (op.query().stream().anyMatch(p -> p.name().equals("granularity"))) {
                tried++;
                String problem = refused(op, Map.of("from", "2020-01-01", "to", "2026-12-31", "granularity", "day"),
                        "granularity");
                if (problem != null) {
                    wrong.add(op + " ten years by day: " + problem);
                }
            }
        }
        assertThat(tried).as("periods tried").isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldNeverAnswer500ToAnOddQueryParameter() throws Exception {
        int open = slots.open();
        List<String> odd = List.of("'; DROP TABLE metrics.kol; --", "%", "_", "*", "\u00e9\u00e8\u4e2d", "x".repeat(3000),
                " ", "null", "[]", "{}", "..", "-1", "0", "1e9");
        List<String> wrong = new ArrayList<>();
        for (Operation op : documentedReads("/api/v1/")) {
            for (Parameter param : op.query()) {
                for (String value : odd) {
                    int status = status(op, Map.of(param.name(), value));
                    if (status >= 500) {
                        wrong.add(op + " ?" + param.name() + "=" + printable(value) + ": " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // the streams that opened end with their three-second tokens: leave the instance's slots to the next test
        await().atMost(Duration.ofSeconds(30)).until(() -> slots.open() <= open);
    }

    /** The reads metrics-service documents (every GET under a path prefix), from the OpenAPI document it serves. */
    static List<Operation> documentedReads(String prefix) {
        JsonNode document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .as(JsonNode.class);
        return OpenApiOperations.of(document).stream()
                .filter(op -> op.method().equals("GET") && op.path().startsWith(prefix))
                .toList();
    }

    /** What the parameter's type makes malformed, and names with the separators of SQL arrays for all. */
    private static List<String> malformed(Parameter param) {
        List<String> values = new ArrayList<>(List.of("a\u001fb", "a\u001eb", "nul\u0000", "line\nbreak"));
        // (an empty ?from=, ?granularity= or ?limit= is the default, like none: Jakarta REST hands the method null)
        if (param.format().equals("date")) {
            values.addAll(List.of("yesterday", "2026-02-30", "2026-13-01", "2026-1-1", "99999-01-01",
                    "+999999999-12-31", "0001-01-01", "2026-01-01T00:00:00Z"));
        } else if (param.enumerated()) {
            values.addAll(List.of("fortnight", "WEEKS", "1"));
        } else if (param.type().equals("integer")) {
            values.addAll(List.of("ten", "0", "-1", "501", "99999999999", "1.5"));
        } else if (param.format().equals("uuid")) {
            values.addAll(List.of("not-a-uuid", "1234", "3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a7", ""));
        } else if (param.name().equals("cursor")) {
            values.addAll(List.of("!!!", "bm90IGpzb24", cursor("[]"), cursor("{\"score\": 1}"), cursor("[\"abc\", \"def\"]"),
                    cursor("[\"50\"]"), cursor("[\"50\", \"not-a-uuid\"]"), cursor("[\"101\", \"" + UUID.randomUUID() + "\"]"),
                    cursor("[\"-1\", \"" + UUID.randomUUID() + "\"]"),
                    cursor("[\"99999999999\", \"" + UUID.randomUUID() + "\"]"),
                    cursor("[\"50\", \"" + UUID.randomUUID() + "\", \"extra\"]"), cursor("[null, null]")));
        }
        return values;
    }

    /** A cursor as the API writes them (base64url of a JSON array), with other content. */
    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when the answer is a 400 problem (naming the parameter if given); else what was wrong. */
    private String refused(Operation op, Map<String, String> query, String field) throws Exception {
        if (op.isStream()) {
            int status = status(op, query);
            return status == 400 ? null : "answered " + status;
        }
        Response response = get(op, query);
        if (response.statusCode() != 400) {
            return "answered " + response.statusCode() + " " + abbreviate(response.asString());
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "answered 400 as " + response.contentType();
        }
        String type = response.jsonPath().getString("type");
        if (field != null && type.equals(VALIDATION)
                && !response.jsonPath().getList("errors.field").contains(field)) {
            return "a validation problem that does not name " + field + ": " + response.asString();
        }
        return null;
    }

    private int status(Operation op, Map<String, String> query) throws Exception {
        if (!op.isStream()) {
            return get(op, query).statusCode();
        }
        StringBuilder text = new StringBuilder();
        query.forEach((k, v) -> text.append(text.length() == 0 ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = URI.create(base.toString().replaceAll("/$", "") + op.path() + text);
        try (SseClient client = new SseClient(uri, reporting(Duration.ofSeconds(3)), null)) {
            return client.status();
        }
    }

    private static Response get(Operation op, Map<String, String> query) {
        String path = op.path().replaceAll("\\{id}", op.path().contains("/kols/") ? UUID.randomUUID().toString() : "msl-x")
                .replaceAll("\\{[^}]+}", "ONCOLOGY");
        // Encoded here, every byte of it, so the values arrive exactly as written (a NUL, a line break).
        StringBuilder text = new StringBuilder();
        query.forEach((k, v) -> text.append(text.length() == 0 ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return given().urlEncodingEnabled(false).header("Authorization", admin()).accept("application/json")
                .get(path + text);
    }

    private static String admin() {
        return "Bearer " + DevTokens.mint("admin-1", null, Duration.ofMinutes(5), "admin", "reporting");
    }

    private static String reporting(Duration ttl) {
        return "Bearer " + DevTokens.mint("report-" + UUID.randomUUID(), null, ttl, "reporting");
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : abbreviate(value).toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }

}
