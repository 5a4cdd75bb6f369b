package io.rapport.metrics;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.DevTokens;
import io.rapport.testing.OpenApiOperations.Operation;
import io.rapport.testing.OpenApiOperations.Parameter;
import io.rapport.testing.SseClient;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over every read operation metrics-service documents (JSON, CSV and the stream): an MSL and a medical manager see
 * another team's numbers only as the role matrix of docs/security.md allows. Where their cell is "own" or "✓", a
 * request aimed at the other team (its MSL, team, KOL or area, by path or query) is refused, or answers without a
 * single number, id or name of the other team; so is the request with no filter at all. A "403" cell refuses
 * every request. The one cross-team grant of the matrix: a medical manager reads any KOL's numbers (✓ on
 * /metrics/kols/{id}, and the stream of one KOL follows it).
 */
@QuarkusTest
class ObjectLevelTest {

    static final String PERIOD_FROM = "2025-03-01";
    static final String PERIOD_TO = "2025-03-31";
    static final List<String> ROLES = List.of("msl", "medical-manager");

    static Scenario mine;
    static Scenario other;
    static String otherArea;

    @TestHTTPResource("/")
    URL base;

    /** Only the other team worked in March 2025, in an area of its own: anything a caller sees of it is a leak. */
    @BeforeAll
    static void twoTeams() {
        mine = Scenario.fresh();
        other = Scenario.fresh();
        otherArea = "AREA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", other.completed(UUID.randomUUID(), 2, "2025-03-10", 5)
                    .put("therapeuticArea", otherArea));
            feed.send("rapport.resource.shared.v1", other.share(UUID.randomUUID(), "2025-03-11")
                    .set("therapeuticAreas", Feed.array(otherArea)));
            feed.send("rapport.insight.submitted.v1", other.insight(UUID.randomUUID(), 2, "SUBMITTED",
                    "2025-03-12T10:00:00Z").put("therapeuticArea", otherArea));
            feed.send("rapport.medical-request.answered.v1", other.request(UUID.randomUUID(), 2, "ANSWERED")
                    .put("therapeuticArea", otherArea).put("receivedAt", "2025-03-12T08:00:00Z")
                    .put("localDate", "2025-03-12").put("closedAt", "2025-03-13T08:00:00Z").put("onTime", true));
            feed.send("rapport.followup.created.v1", other.followUp(UUID.randomUUID(), 1, "2025-03-14"));
            feed.awaitApplied();
        }
    }

    @Test
    void shouldShowAnotherTeamsNumbersOnlyAsTheRoleMatrixAllowsOnEveryOperation() throws Exception {
        Map<String, Map<String, String>> matrix = roleMatrix();
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Operation op : BadParametersTest.documentedReads("/api/v1/metrics/")) {
            if (op.path().contains("/admin/")) {
                continue;
            }
            Map<String, String> cells = matrix.get(op.toString());
            assertThat(cells).as("%s is in the role matrix of docs/security.md", op).isNotNull();
            for (String role : ROLES) {
                String cell = cells.get(role);
                for (Request request : requests(op)) {
                    boolean crossTeamByRule = role.equals("medical-manager") && request.aimedAt("kol");
                    if (request.aimed() && crossTeamByRule && cell.equals("✓")) {
                        continue;
                    }
                    checked++;
                    String leak = op.isStream() ? stream(role, request, cell) : read(role, request, cell);
                    if (leak != null) {
                        leaks.add(role + " " + op + " " + request + ": " + leak);
                    }
                }
            }
        }
        assertThat(checked).as("requests checked").isGreaterThan(30);
        assertThat(leaks).as("another team's numbers where the role matrix does not allow them").isEmpty();
    }

    /** One request of an operation: aimed at the other team by one parameter, or with no filter (mine). */
    record Request(String path, Map<String, String> query, String aim) {

        boolean aimed() {
            return aim != null;
        }

        boolean aimedAt(String what) {
            return what.equals(aim);
        }

        @Override
        public String toString() {
            return path + " " + query + (aim == null ? " (no filter)" : " (aimed at the other team's " + aim + ")");
        }
    }

    private static List<Request> requests(Operation op) {
        Map<String, String> base = new LinkedHashMap<>();
        for (Parameter p : op.query()) {
            switch (p.name()) {
                case "from" -> base.put("from", PERIOD_FROM);
                case "to" -> base.put("to", PERIOD_TO);
                case "granularity" -> base.put("granularity", "month");
                case "limit" -> base.put("limit", "500");
                default -> {
                }
            }
        }
        List<Request> requests = new ArrayList<>();
        requests.add(new Request(path(op, mine), base, null));
        if (op.path().contains("{")) {
            requests.add(new Request(path(op, other), base, pathAim(op)));
        }
        for (Parameter p : op.query()) {
            String value = switch (p.name()) {
                case "team" -> other.team;
                case "kolId" -> other.kol;
                case "therapeuticArea" -> otherArea;
                default -> null;
            };
            if (value != null) {
                Map<String, String> query = new LinkedHashMap<>(base);
                query.put(p.name(), value);
                requests.add(new Request(path(op, mine), query, p.name().equals("kolId") ? "kol" : p.name()));
            }
        }
        return requests;
    }

    private static String pathAim(Operation op) {
        return op.path().contains("/kols/{") ? "kol"
                : op.path().contains("/msls/{") ? "msl"
                        : op.path().contains("/teams/{") ? "team" : "area";
    }

    private static String path(Operation op, Scenario whose) {
        String path = op.path();
        if (path.contains("/msls/{")) {
            return path.replaceAll("\\{[^}]+}", whose.msl);
        }
        if (path.contains("/kols/{")) {
            return path.replaceAll("\\{[^}]+}", whose.kol);
        }
        if (path.contains("/teams/{")) {
            return path.replaceAll("\\{[^}]+}", whose.team);
        }
        return path.replaceAll("\\{[^}]+}", otherArea);
    }

    private static String token(String role) {
        return "Bearer " + DevTokens.mint(role.equals("msl") ? mine.msl : mine.manager(), null, Duration.ofMinutes(2), role);
    }

    /** Null when the answer is as the matrix allows; else what leaked. */
    private static String read(String role, Request request, String cell) throws Exception {
        for (String accept : List.of("application/json", "text/csv")) {
            Response response;
            try {
                response = given().header("Authorization", token(role)).accept(accept).queryParams(request.query())
                        .get(request.path());
            } catch (Exception e) {
                return accept + " broke off (a refusal after a 200 head?): " + e;
            }
            int status = response.statusCode();
            if (cell.equals("403")) {
                if (status != 403) {
                    return accept + " answered " + status + " where the matrix says 403";
                }
                continue;
            }
            if (status == 403 || status == 404 || status == 406 || status == 400) {
                continue;
            }
            if (status != 200) {
                return accept + " answered " + status;
            }
            String body = response.asString();
            String named = names(body);
            if (named != null) {
                return accept + " names " + named;
            }
            if (accept.equals("text/csv")) {
                String header = body.lines().findFirst().orElse("");
                if (header.contains("counters.")) {
                    return "text/csv has counters: " + header;
                }
            } else {
                String counted = counted(new ObjectMapper().readTree(body));
                if (counted != null) {
                    return "counts " + counted;
                }
            }
        }
        return null;
    }

    /** The stream: refused, or silent when only the other team's numbers change. */
    private String stream(String role, Request request, String cell) throws Exception {
        StringBuilder query = new StringBuilder();
        request.query().forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri = URI.create(base.toString().replaceAll("/$", "") + request.path() + query);
        try (SseClient client = new SseClient(uri, "Bearer " + DevTokens.mint(role.equals("msl") ? mine.msl
                : mine.manager(), null, Duration.ofSeconds(15), role), null)) {
            int status = client.status();
            if (cell.equals("403")) {
                return status == 403 ? null : "answered " + status + " where the matrix says 403";
            }
            if (status == 403 || status == 404 || status == 400) {
                return null;
            }
            if (status != 200) {
                return "answered " + status;
            }
            SseClient.Message ready = client.await("ready");
            String named = names(ready.data());
            if (named != null) {
                return "ready names " + named;
            }
            try (Feed feed = new Feed()) {
                feed.send("rapport.interaction.completed.v1", other.completed(UUID.randomUUID(), 2, "2025-03-20", 3)
                        .put("therapeuticArea", otherArea));
                feed.awaitApplied();
            }
            // nothing may arrive for a second after the change was applied (a silence, not an event, is the answer)
            List<SseClient.Message> heard = new java.util.ArrayList<>();
            try {
                org.awaitility.Awaitility.await().pollDelay(Duration.ZERO).during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(2)).until(() -> {
                            heard.clear();
                            client.all().stream().filter(m -> m.name().equals("metrics-changed")).forEach(heard::add);
                            return heard.isEmpty();
                        });
                return null;
            } catch (org.awaitility.core.ConditionTimeoutException spoken) {
                return "heard the other team's change: " + heard;
            }
        }
    }

    private static String names(String text) {
        // the area is not the other team's: the caller names it (and a manager sees their teams' share of it)
        for (String name : List.of(other.msl, other.team, other.kol)) {
            if (text.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** Any counter, KOLs reached or KOLs covered above zero: in March 2025 only the other team counted anything. */
    private static String counted(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("counters") && field.getValue().size() > 0) {
                    return "counters " + field.getValue();
                }
                if (Set.of("kolsReached", "kolsReachedWithContent", "tierOneTwoReached", "assignedReached")
                        .contains(field.getKey()) && field.getValue().asLong() > 0) {
                    return field.getKey() + " " + field.getValue();
                }
                String inside = counted(field.getValue());
                if (inside != null) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String inside = counted(item);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    /** The metrics rows of the role matrix: "GET /api/v1/metrics/summary" → role → cell. */
    static Map<String, Map<String, String>> roleMatrix() throws Exception {
        Path security = locate("docs/security.md");
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        for (String line : Files.readAllLines(security)) {
            if (!line.startsWith("| metrics |")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Map<String, String> byRole = new LinkedHashMap<>();
            String[] roles = { "msl", "medical-manager", "admin", "integration", "reporting", "no token" };
            for (int i = 0; i < roles.length; i++) {
                byRole.put(roles[i], cells[3 + i].trim());
            }
            matrix.put(cells[2].trim(), byRole);
        }
        assertThat(matrix).as("metrics rows of the role matrix in " + security).isNotEmpty();
        return matrix;
    }

    private static Path locate(String file) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return dir.resolve(file);
            }
        }
        throw new IllegalStateException(file + " not found");
    }
}
