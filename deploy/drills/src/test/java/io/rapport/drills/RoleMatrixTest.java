package io.rapport.drills;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.launcher.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every operation of every service's OpenAPI, called by each role and without a token. The
 * table below is the rule (docs/security.md shows the same table): "✓" lets the role through to the operation
 * (whatever it then answers about the made-up ids and empty bodies used here, never 401, 403 or 5xx), "own" lets
 * the role read only its own numbers (an MSL's own, a manager's team, an MSL's assigned KOLs: anyone else's, as
 * the made-up ids here, is 403, or 404 when unknown), "403" refuses the role, "401" refuses a call without a token, "public"
 * needs no token (the dashboard page, a calendar feed
 * whose secret is in its URL). Object-level rules (whose interaction, which team) are in {@link ObjectLevelTest}.
 */
class RoleMatrixTest {

    static final List<String> ROLES = List.of("msl", "medical-manager", "admin", "integration", "reporting");

    static final String TABLE = """
            | insight | POST /api/v1/insights | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | insight | GET /api/v1/insights/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | PATCH /api/v1/insights/{id} | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/submit | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/validate | 403 | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/reject | 403 | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/action | 403 | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/rework | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/endorse | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | insight | POST /api/v1/insights/{id}/safety-report | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | insight | GET /api/v1/insights | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | GET /api/v1/insights/themes | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | GET /api/v1/insights/{id}/history | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | GET /api/v1/kols/{kolId}/personal-data | 403 | 403 | ✓ | 403 | 403 | 401 |
            | insight | GET /api/v1/kols/{kolId}/shares | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | GET /api/v1/kols/{kolId}/recommended-resources | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | POST /api/v1/resources | 403 | ✓ | ✓ | 403 | 403 | 401 |
            | insight | GET /api/v1/resources/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | PATCH /api/v1/resources/{id} | 403 | ✓ | ✓ | 403 | 403 | 401 |
            | insight | POST /api/v1/resources/{id}/approve | 403 | ✓ | ✓ | 403 | 403 | 401 |
            | insight | POST /api/v1/resources/{id}/withdraw | 403 | ✓ | ✓ | 403 | 403 | 401 |
            | insight | GET /api/v1/resources | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | insight | GET /api/v1/resources/{id}/history | 403 | ✓ | ✓ | 403 | ✓ | 401 |
            | insight | POST /api/v1/shares | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/msls/me/calendar-feed | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | interaction | DELETE /api/v1/msls/me/calendar-feed | ✓ | ✓ | 403 | 403 | 403 | 401 |
            | interaction | GET /calendar/{token}.ics | public | public | public | public | public | public |
            | interaction | GET /api/v1/follow-ups/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | PATCH /api/v1/follow-ups/{id} | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | GET /api/v1/follow-ups | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | POST /api/v1/interactions | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | GET /api/v1/interactions/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | PATCH /api/v1/interactions/{id} | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/interactions/{id}/complete | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/interactions/{id}/cap-override/approval | 403 | ✓ | ✓ | 403 | 403 | 401 |
            | interaction | POST /api/v1/interactions/{id}/cancel | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/interactions/{id}/no-show | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | PUT /api/v1/interactions/by-external-id/{system}/{externalId} | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | interaction | GET /api/v1/interactions | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | POST /api/v1/interactions/{id}/follow-ups | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | GET /api/v1/interactions/{id}/history | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | POST /api/v1/medical-requests | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | GET /api/v1/medical-requests/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | POST /api/v1/medical-requests/{id}/answer | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/medical-requests/{id}/forward | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/medical-requests/{id}/withdraw | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | interaction | POST /api/v1/medical-requests/{id}/review | 403 | ✓ | 403 | 403 | 403 | 401 |
            | interaction | GET /api/v1/medical-requests | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | GET /api/v1/medical-requests/{id}/history | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | interaction | GET /api/v1/kols/{kolId}/personal-data | 403 | 403 | ✓ | 403 | 403 | 401 |
            | interaction | GET /api/v1/kols/{kolId}/timeline | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | POST /api/v1/kols/import | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | kol | GET /api/v1/kols/{id}/personal-data | 403 | 403 | ✓ | 403 | 403 | 401 |
            | kol | POST /api/v1/kols/{id}/objection | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | DELETE /api/v1/kols/{id}/objection | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | PUT /api/v1/kols/{id}/consents/{purpose} | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | PUT /api/v1/kols/{id}/do-not-contact | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | DELETE /api/v1/kols/{id}/do-not-contact | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | PUT /api/v1/kols/{id}/lawful-basis | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | PUT /api/v1/kols/{id}/privacy-notice | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | POST /api/v1/kols/{id}/erasure | 403 | 403 | ✓ | 403 | 403 | 401 |
            | kol | GET /api/v1/kols/{id}/erasure | 403 | 403 | ✓ | 403 | 403 | 401 |
            | kol | POST /api/v1/kols | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | GET /api/v1/kols/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | GET /api/v1/kols/{id}/replica | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | PATCH /api/v1/kols/{id} | ✓ | ✓ | ✓ | ✓ | 403 | 401 |
            | kol | PUT /api/v1/kols/by-external-id/{system}/{externalId} | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | kol | GET /api/v1/kols | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | GET /api/v1/kols/{id}/history | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | PUT /api/v1/kols/{id}/assignments | 403 | ✓ | ✓ | 403 | 403 | 401 |
            | kol | GET /api/v1/therapeutic-areas | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | PUT /api/v1/therapeutic-areas/{code} | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | kol | GET /api/v1/products | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | PUT /api/v1/products/{code} | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | kol | GET /api/v1/research-topics | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | PUT /api/v1/research-topics/{code} | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | kol | GET /api/v1/msls | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | GET /api/v1/msls/{id} | ✓ | ✓ | ✓ | ✓ | ✓ | 401 |
            | kol | PUT /api/v1/msls/{id} | 403 | 403 | ✓ | ✓ | 403 | 401 |
            | metrics | POST /api/v1/metrics/admin/rebuild | 403 | 403 | ✓ | 403 | 403 | 401 |
            | metrics | GET /api/v1/metrics/admin/rebuild | 403 | 403 | ✓ | 403 | 403 | 401 |
            | metrics | GET /dashboard | public | public | public | public | public | public |
            | metrics | GET /api/v1/metrics/summary | ✓ | ✓ | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/metrics/msls/{id} | own | own | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/metrics/teams/{team} | 403 | own | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/metrics/kols/{id} | own | ✓ | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/metrics/therapeutic-areas/{code} | 403 | ✓ | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/metrics/coverage | ✓ | ✓ | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/metrics/kols/health | ✓ | ✓ | ✓ | 403 | ✓ | 401 |
            | metrics | GET /api/v1/kols/{kolId}/personal-data | 403 | 403 | ✓ | 403 | 403 | 401 |
            | metrics | GET /api/v1/metrics/stream | ✓ | ✓ | ✓ | 403 | ✓ | 401 |
            """;

    static Stack stack;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.Map<Service, JsonNode> OPENAPI = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void stack() {
        stack = Stack.get();
    }

    record Rule(Service service, String method, String path, List<String> cells) {

        static Rule parse(String line) {
            String[] parts = Arrays.stream(line.split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
            String[] operation = parts[1].split(" ");
            return new Rule(Service.valueOf(parts[0].toUpperCase(Locale.ROOT)), operation[0], operation[1],
                    List.of(parts).subList(2, parts.length));
        }

        String operation() {
            return service.name().toLowerCase(Locale.ROOT) + " " + method + " " + path;
        }
    }

    static List<Rule> rules() {
        return TABLE.lines().filter(l -> l.startsWith("|")).map(Rule::parse).toList();
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Rule rule : rules()) {
            for (int i = 0; i <= ROLES.size(); i++) {
                calls.add(Arguments.of(rule.operation(), i < ROLES.size() ? ROLES.get(i) : "no token", rule.cells().get(i)));
            }
        }
        return calls.stream();
    }

    @Test
    void shouldCoverEveryOperationOfEveryServiceExactlyOnce() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (Service service : Service.values()) {
            JsonNode paths = OPENAPI.computeIfAbsent(service, RoleMatrixTest::openApi).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    documented.add(service.name().toLowerCase(Locale.ROOT) + " " + method.toUpperCase(Locale.ROOT) + " "
                            + path.getKey());
                }
            }));
        }
        assertThat(new TreeSet<>(rules().stream().map(Rule::operation).toList())).isEqualTo(documented);
    }

    @Test
    void shouldBeTheTableThatDocsSecurityShows() throws IOException {
        Path root = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
        String docs = Files.readString(root.resolve("docs/security.md"));
        TABLE.lines().filter(l -> l.startsWith("|")).forEach(line -> assertThat(docs).contains(line));
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("calls")
    void shouldLetThroughOnlyTheRolesTheTableAllows(String operation, String role, String expected) throws Exception {
        Rule rule = rules().stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(rule.service()) + concrete(rule.path())))
                .timeout(Duration.ofSeconds(10));
        if (!role.equals("no token")) {
            request.header("Authorization", stack.token(role.equals("msl") ? Stack.MSL_A : "matrix-" + role, role));
        }
        String contentType = contentType(rule);
        request.method(rule.method(), contentType == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : ""));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        // The body is only read when it is a problem: a live stream answers its headers and then never ends.
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String problem = "";
        try (InputStream body = response.body()) {
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                problem = new String(body.readAllBytes());
            }
        }
        switch (expected) {
            case "✓", "public" -> assertThat(status).as(problem).isNotIn(401, 403).isLessThan(500);
            case "own" -> assertThat(status).as(problem).isIn(403, 404);
            default -> {
                assertThat(status).as(problem).isEqualTo(Integer.parseInt(expected));
                assertThat(problem).as("a problem+json body").contains("\"status\":" + expected);
            }
        }
    }

    /** The media type the operation reads, as its OpenAPI says (JSON when it takes several), or none. */
    private static String contentType(Rule rule) throws IOException {
        JsonNode operation = OPENAPI.computeIfAbsent(rule.service(), RoleMatrixTest::openApi).path("paths")
                .path(rule.path()).path(rule.method().toLowerCase(Locale.ROOT)).path("requestBody").path("content");
        List<String> types = new ArrayList<>();
        operation.fieldNames().forEachRemaining(types::add);
        return types.stream().filter(t -> t.contains("json")).findFirst().orElse(types.isEmpty() ? null : types.get(0));
    }

    private static JsonNode openApi(Service service) {
        try {
            return JSON.readTree(URI.create(stack.url(service) + "/q/openapi?format=json").toURL());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The path with made-up values: unknown ids, so an allowed call is answered without changing anything. */
    private static String concrete(String path) {
        return path.replaceAll("\\{(id|kolId)\\}", UUID.randomUUID().toString())
                .replaceAll("\\{[A-Za-z]+\\}", "drill-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
