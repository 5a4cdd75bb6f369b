package io.rapport.drills;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.rapport.launcher.Service;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records are visible to their MSL and that MSL's manager only: another MSL, or the manager of another team,
 * reading or changing one by id gets 404 (its existence is not disclosed) and changes nothing.
 */
class ObjectLevelTest {

    static Stack stack;
    static String mslA;
    static String managerA;
    static String mslB;
    static String managerB;
    static String interaction;
    static String followUp;
    static String medicalRequest;
    static String draft;
    static String kol;
    static String resource;
    static String contact;
    static String secondContact;
    static String share;

    @BeforeAll
    static void mslARecordsTheirWork() {
        stack = Stack.get();
        mslA = stack.token(Stack.MSL_A, "msl");
        managerA = stack.token(Stack.MANAGER_A, "medical-manager");
        mslB = stack.token(Stack.MSL_B, "msl");
        managerB = stack.token(Stack.MANAGER_B, "medical-manager");
        kol = stack.newKol(Stack.MSL_A, Stack.MSL_B);
        String interactions = stack.url(Service.INTERACTION);
        interaction = Stack.as(mslA).body(Stack.plannedMeeting(kol)).post(interactions + "/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        followUp = Stack.as(mslA).body(Map.of("description", "Send the poster", "dueDate",
                LocalDate.now().plusDays(7).toString())).post(interactions + "/api/v1/interactions/" + interaction
                        + "/follow-ups")
                .then().statusCode(201).extract().path("id");
        medicalRequest = Stack.as(mslA).body(Map.of("kolId", kol, "question", "What is the evidence in the elderly?",
                "initiatedBy", "KOL", "therapeuticArea", Stack.AREA, "offLabel", false, "unsolicited", true,
                "responseChannel", "EMAIL", "adverseEventMentioned", false)).post(interactions + "/api/v1/medical-requests")
                .then().statusCode(201)
                .extract().path("id");
        draft = Stack.as(mslA).body(Map.of("kolId", kol, "therapeuticArea", Stack.AREA, "category", "UNMET_NEED",
                "title", "Testing before first line", "text", "Elderly patients are rarely tested before first line.",
                "tags", List.of("elderly-patients"), "adverseEventMentioned", false))
                .post(stack.url(Service.INSIGHT) + "/api/v1/insights").then().statusCode(201).extract().path("id");
        String manager = stack.token(Stack.MANAGER_B, "medical-manager");
        resource = Stack.as(manager).body(Map.of("type", "PUBLICATION", "title", "Phase III results",
                "citation", Map.of("type", "DOI", "value", "10.5555/object." + java.util.UUID.randomUUID()),
                "therapeuticAreas", List.of(Stack.AREA), "products", List.of(Stack.PRODUCT), "tags", List.of("efficacy"),
                "usage", "PROACTIVE", "markets", List.of("DE"))).post(stack.url(Service.INSIGHT) + "/api/v1/resources")
                .then().statusCode(201).extract().path("id");
        Stack.as(stack.token("approver-object", "admin")).header("If-Match", "\"1\"").body(Map.of("mlrApprovalId",
                "MLR-" + java.util.UUID.randomUUID(), "expiresAt", java.time.Instant.now().plusSeconds(86_400 * 90)
                        .toString()))
                .post(stack.url(Service.INSIGHT) + "/api/v1/resources/" + resource + "/approve")
                .then().statusCode(200);
        // Work of team A that team B's lists show as who and when only (completed contacts and a share), between
        // team B's own, so that paging one row at a time ends pages on team A's rows.
        contact = Stack.as(mslA).body(Stack.completedMeeting(kol)).post(interactions + "/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        Stack.as(mslB).body(Stack.completedMeeting(kol)).post(interactions + "/api/v1/interactions").then().statusCode(201);
        secondContact = Stack.as(mslA).body(Stack.completedMeeting(kol)).post(interactions + "/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        share = share(mslA);
        share(mslB);
    }

    /** A share of the resource with the KOL, once insight-service knows both. */
    private static String share(String token) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Stack.as(token).body(Map.of("resourceId", resource, "kolId", kol, "channel", "IN_PERSON"))
                        .post(stack.url(Service.INSIGHT) + "/api/v1/shares"), r -> r.statusCode() == 201)
                .then().extract().path("id");
    }

    @Test
    void shouldShowTheRecordsToTheirMslAndTheirManager() {
        for (String token : List.of(mslA, managerA)) {
            for (String url : List.of(interactionUrl(), followUpUrl(), requestUrl())) {
                given().header("Authorization", token).get(url).then().statusCode(200);
            }
        }
        given().header("Authorization", mslA).get(draftUrl()).then().statusCode(200);
    }

    @Test
    void shouldHideAnotherMslsRecordsAs404() {
        for (String intruder : List.of(mslB, managerB)) {
            for (String url : List.of(interactionUrl(), followUpUrl(), requestUrl(), draftUrl(),
                    interactionUrl() + "/history", requestUrl() + "/history", draftUrl() + "/history")) {
                assertHidden(() -> given().header("Authorization", intruder).get(url));
            }
        }
    }

    @Test
    void shouldRefuseAnotherMslsChangesAs404AndKeepTheRecords() {
        for (String intruder : List.of(mslB, managerB)) {
            assertHidden(() -> Stack.as(intruder).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("objective", "Taken over by someone else entirely")).patch(interactionUrl()));
            assertHidden(() -> Stack.as(intruder).header("If-Match", "\"1\"").body(Map.of("reason", "not mine"))
                    .post(interactionUrl() + "/cancel"));
            assertHidden(() -> Stack.as(intruder).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("status", "DONE")).patch(followUpUrl()));
            assertHidden(() -> Stack.as(intruder).header("If-Match", "\"1\"").body(Map.of("answer", "Not my answer"))
                    .post(requestUrl() + "/answer"));
            assertHidden(() -> Stack.as(intruder).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("title", "Not my insight")).patch(draftUrl()));
            assertHidden(() -> Stack.as(intruder).header("If-Match", "\"1\"").post(draftUrl() + "/submit"));
        }
        given().header("Authorization", mslA).get(interactionUrl()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PLANNED")).header("ETag", "\"1\"");
        given().header("Authorization", mslA).get(followUpUrl()).then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", mslA).get(requestUrl()).then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", mslA).get(draftUrl()).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    }

    @Test
    void shouldLeaveAnotherMslsRecordsOutOfLists() {
        for (String[] list : new String[][] { { stack.url(Service.INTERACTION) + "/api/v1/interactions", interaction },
                { stack.url(Service.INTERACTION) + "/api/v1/follow-ups", followUp },
                { stack.url(Service.INTERACTION) + "/api/v1/medical-requests", medicalRequest },
                { stack.url(Service.INSIGHT) + "/api/v1/insights", draft } }) {
            assertThat(given().header("Authorization", mslA).get(list[0]).then().statusCode(200).extract().asString())
                    .contains(list[1]);
            for (String intruder : List.of(mslB, managerB)) {
                assertThat(given().header("Authorization", intruder).get(list[0]).then().statusCode(200).extract()
                        .asString()).doesNotContain(list[1]);
            }
        }
    }

    /**
     * Where each kind of team-owned record lives: any operation on a path under one of these, with the record's
     * id, is about that record. Operations with an id that are not team-owned are listed in {@link #SHARED} with
     * why; an operation in neither fails {@link #shouldClassifyEveryOperationThatTakesAnId} until it is classified.
     */
    static final Map<String, Supplier<String>> OWNED = Map.of(
            "interaction /api/v1/interactions/{id}", () -> interaction,
            "interaction /api/v1/follow-ups/{id}", () -> followUp,
            "interaction /api/v1/medical-requests/{id}", () -> medicalRequest,
            "insight /api/v1/insights/{id}", () -> draft,
            "metrics /api/v1/metrics/msls/{id}", () -> Stack.MSL_A,
            "metrics /api/v1/metrics/teams/{team}", () -> Stack.TEAM_A);

    /** Operations with an id whose object every reader may see (the rule in docs/security.md). */
    static final Map<String, String> SHARED = Map.ofEntries(
            Map.entry("kol /api/v1/kols/{id}", "a KOL profile is shared by every team; its rights by the assigned MSLs' rules"),
            Map.entry("kol /api/v1/msls/{id}", "the MSL directory"),
            Map.entry("kol /api/v1/kols/by-external-id/{system}/{externalId}", "the CRM's upsert (integration only)"),
            Map.entry("interaction /api/v1/interactions/by-external-id/{system}/{externalId}",
                    "the CRM's upsert (integration only)"),
            Map.entry("interaction /api/v1/kols/{kolId}",
                    "the KOL's timeline: who met the KOL and when (no record ids: see lists)"),
            Map.entry("insight /api/v1/kols/{kolId}",
                    "shares and recommendations about a shared KOL (no other team's ids: lists)"),
            Map.entry("insight /api/v1/resources/{id}", "the resource library is shared"),
            Map.entry("metrics /api/v1/metrics/kols/{id}", "a KOL's metrics (assigned MSLs; RoleMatrixTest)"),
            Map.entry("metrics /api/v1/metrics/therapeutic-areas/{code}", "area numbers, no team's records"),
            Map.entry("interaction /calendar/{token}.ics", "the feed secret is the credential"),
            Map.entry("metrics /api/v1/kols/{kolId}", "the Art. 15 part (admin only; RoleMatrixTest)"));

    static String owner(OpenApi.Operation op) {
        String name = op.service().name().toLowerCase(java.util.Locale.ROOT) + " " + op.path();
        return OWNED.keySet().stream().filter(prefix -> name.equals(prefix) || name.startsWith(prefix + "/"))
                .findFirst().orElse(null);
    }

    static String shared(OpenApi.Operation op) {
        String name = op.service().name().toLowerCase(java.util.Locale.ROOT) + " " + op.path();
        return SHARED.keySet().stream().filter(prefix -> name.equals(prefix) || name.startsWith(prefix + "/"))
                .findFirst().orElse(null);
    }

    @Test
    void shouldClassifyEveryOperationThatTakesAnId() {
        List<String> unclassified = OpenApi.all(stack).stream().filter(op -> !op.pathParameters().isEmpty())
                .filter(op -> owner(op) == null && shared(op) == null && !op.path().matches(
                        "/api/v1/(therapeutic-areas|products|research-topics)/\\{code}"))
                .map(OpenApi.Operation::name).toList();
        assertThat(unclassified).as("operations with an id neither team-owned nor shared by rule").isEmpty();
    }

    /** Every documented operation on another team's record, by another team's MSL and manager: 404, nothing changes. */
    @Test
    void shouldHideAnotherTeamsRecordOnEveryOperationThatTakesItsId() {
        Map<String, String> before = etags();
        List<String> disclosed = new java.util.ArrayList<>();
        Map<String, Object> hints = hints();
        for (OpenApi.Operation op : OpenApi.all(stack)) {
            String kind = owner(op);
            if (kind == null || op.path().endsWith("/stream")) {
                continue;
            }
            String id = OWNED.get(kind).get();
            String path = op.path().replaceAll("\\{(id|team)}", id);
            OpenApi api = OpenApi.of(stack, op.service());
            String type = op.contentType().orElse(null);
            // A merge patch has no schema of its own: an empty one changes nothing for the owner either.
            String body = type != null && type.contains("merge-patch") ? "{}"
                    : api.requestSchema(op).map(schema -> Stack.json(api.sample(schema, hints))).orElse(null);
            for (Map.Entry<String, String> intruder : Map.of("msl-b", mslB, "manager-b", managerB).entrySet()) {
                if (kind.startsWith("metrics /api/v1/metrics/msls") && intruder.getKey().startsWith("manager")) {
                    continue; // the manager of MSL_A's team is manager A; B's manager reads only B's team
                }
                Http.Answer answer = Http.send(op.method(), stack.url(op.service()) + path, intruder.getValue(),
                        body == null ? null : type, body, op.writes() ? Map.of("If-Match", "\"1\"",
                                "Idempotency-Key", java.util.UUID.randomUUID().toString()) : Map.of());
                boolean hidden = answer.status() == 404 || answer.status() == 403 && (kind.startsWith("metrics")
                        || roleRefused(op, intruder.getKey().startsWith("msl") ? "msl" : "medical-manager")
                        || madeUp(op, kind, intruder.getValue(), body, type) == 403);
                if (!hidden) {
                    disclosed.add(intruder.getKey() + " " + op.name() + " -> " + answer.status() + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
            }
        }
        assertThat(disclosed).as("operations that answered another team's record other than 404").isEmpty();
        assertThat(etags()).as("the records after the attempts").isEqualTo(before);
    }

    /**
     * Rights are filed by the KOL's assigned MSLs, their managers, admins and integrations: another team's MSL or
     * manager gets 404 on every rights endpoint kol-service documents, and the KOL's rights stay as they were.
     */
    @Test
    void shouldHideAKolsRightsEndpointsFromAnotherTeam() {
        String own = stack.newKol(Stack.MSL_A);
        String kolUrl = stack.url(Service.KOL) + "/api/v1/kols/" + own;
        String before = Http.get(kolUrl, stack.admin()).body().replaceAll("\"version\":\\d+,", "");
        OpenApi api = OpenApi.of(stack, Service.KOL);
        List<String> answered = new java.util.ArrayList<>();
        int endpoints = 0;
        for (OpenApi.Operation op : api.operations()) {
            if (!op.writes() || !RightsInvariantTest.isRightsEndpoint(op.path())) {
                continue;
            }
            endpoints++;
            String body = api.requestSchema(op).map(schema -> Stack.json(api.sample(schema, Map.of("requestedBy",
                    "the KOL by e-mail", "reason", "Asked by phone")))).orElse("{}");
            String url = stack.url(Service.KOL) + op.path().replace("{id}", own).replace("{purpose}", "PROFILING");
            for (Map.Entry<String, String> intruder : Map.of("msl-b", mslB, "manager-b", managerB).entrySet()) {
                Http.Answer answer = Http.send(op.method(), url, intruder.getValue(), "application/json", body, Map.of());
                if (answer.status() != 404) {
                    answered.add(intruder.getKey() + " " + op.name() + " -> " + answer.status());
                }
            }
        }
        assertThat(endpoints).as("rights endpoints documented").isGreaterThanOrEqualTo(3);
        assertThat(answered).as("rights endpoints another team could use").isEmpty();
        assertThat(Http.get(kolUrl, stack.admin()).body().replaceAll("\"version\":\\d+,", "")).isEqualTo(before);
    }

    /** An id in a body that points at another team's record is treated as not found. */
    @Test
    void shouldTreatAnotherTeamsRecordNamedInABodyAsNotFound() {
        Map<String, Supplier<String>> references = Map.of("interactionId", () -> interaction, "medicalRequestId",
                () -> medicalRequest, "insightId", () -> draft, "followUpId", () -> followUp);
        List<String> accepted = new java.util.ArrayList<>();
        int tried = 0;
        for (OpenApi.Operation op : OpenApi.all(stack)) {
            OpenApi api = OpenApi.of(stack, op.service());
            var schema = api.requestSchema(op);
            if (!op.writes() || schema.isEmpty() || owner(op) != null) {
                continue;
            }
            for (Map.Entry<String, Supplier<String>> reference : references.entrySet()) {
                if (api.property(schema.get(), reference.getKey()).isEmpty()) {
                    continue;
                }
                Map<String, Object> hints = new java.util.HashMap<>(hints());
                hints.put(reference.getKey(), reference.getValue().get());
                String path = op.path().replaceAll("\\{[A-Za-z]+}", "drill-" + java.util.UUID.randomUUID());
                Http.Answer answer = Http.send(op.method(), stack.url(op.service()) + path, mslB,
                        op.contentType().orElse("application/json"), Stack.json(api.sample(schema.get(), hints)),
                        Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
                tried++;
                // Not found, or exactly what a made-up id gets (the rule that refuses an unknown record): the
                // answer does not tell whether the other team's record exists.
                hints.put(reference.getKey(), java.util.UUID.randomUUID().toString());
                Http.Answer unknown = Http.send(op.method(), stack.url(op.service()) + path, mslB,
                        op.contentType().orElse("application/json"), Stack.json(api.sample(schema.get(), hints)),
                        Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
                boolean same = answer.status() == unknown.status() && answer.status() >= 400 && answer.status() < 500
                        && MarkedStory.read(answer.body()).path("type").equals(MarkedStory.read(unknown.body()).path("type"));
                if (answer.status() != 404 && !same) {
                    accepted.add(op.name() + " with " + reference.getKey() + " -> " + answer.status() + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
            }
        }
        assertThat(tried).as("writes that take a record id in their body").isGreaterThanOrEqualTo(3);
        assertThat(accepted).as("writes that took another team's record from the body").isEmpty();
    }

    /** Every list and feed (every GET without an id, and those about a shared KOL) leaves out another team's ids. */
    @Test
    void shouldNameNoRecordOfAnotherTeamInAnyList() {
        List<String> leaks = new java.util.ArrayList<>();
        List<String> ids = List.of(interaction, followUp, medicalRequest, draft, contact, secondContact, share);
        for (OpenApi.Operation op : OpenApi.all(stack)) {
            if (op.writes() || op.path().endsWith("/stream") || op.path().contains("{token}")
                    || op.pathParameters().stream().anyMatch(p -> !p.equals("kolId"))) {
                continue;
            }
            List<String> urls = new java.util.ArrayList<>();
            String base = stack.url(op.service()) + op.path().replace("{kolId}", kol);
            urls.add(base);
            if (op.queryParameters().contains("kolId")) {
                urls.add(base + "?kolId=" + kol);
            }
            if (op.queryParameters().contains("team")) {
                urls.add(base + "?team=" + Stack.TEAM_A);
            }
            for (String url : urls) {
                for (Map.Entry<String, String> intruder : Map.of("msl-b", mslB, "manager-b", managerB).entrySet()) {
                    String body = Http.get(url, intruder.getValue()).body();
                    ids.stream().filter(body::contains).forEach(id -> leaks.add(intruder.getKey() + " GET " + url
                            + " names " + id));
                }
            }
        }
        assertThat(leaks).as("lists naming another team's records").isEmpty();
    }

    /**
     * A next-page cursor never carries the id of a row the caller may not open: every list, paged one row at a
     * time to its end by another team's MSL and manager, hands out cursors (decoded from base64url) that name
     * none of team A's records, though the rows about them (who met the KOL, who shared, when) are on the pages.
     */
    @Test
    void shouldNameNoRecordOfAnotherTeamInAnyCursor() {
        List<String> ids = List.of(interaction, followUp, medicalRequest, draft, contact, secondContact, share);
        List<String> leaks = new java.util.ArrayList<>();
        int paged = 0;
        for (OpenApi.Operation op : OpenApi.all(stack)) {
            if (op.writes() || !op.queryParameters().contains("cursor") || !op.queryParameters().contains("limit")
                    || op.pathParameters().stream().anyMatch(p -> !p.equals("kolId"))) {
                continue;
            }
            String base = stack.url(op.service()) + op.path().replace("{kolId}", kol) + "?limit=1"
                    + (op.queryParameters().contains("kolId") ? "&kolId=" + kol : "");
            for (Map.Entry<String, String> intruder : Map.of("msl-b", mslB, "manager-b", managerB).entrySet()) {
                String cursor = null;
                for (int page = 0; page < 200; page++) {
                    Http.Answer answer = Http.get(base + (cursor == null ? "" : "&cursor=" + cursor), intruder.getValue());
                    if (answer.status() != 200) {
                        break; // a list the role may not read (RoleMatrixTest) hands out no cursor
                    }
                    cursor = MarkedStory.read(answer.body()).path("nextCursor").asText(null);
                    if (cursor == null) {
                        break;
                    }
                    paged++;
                    String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                            java.nio.charset.StandardCharsets.UTF_8);
                    String url = base;
                    ids.stream().filter(decoded::contains).forEach(id -> leaks.add(intruder.getKey() + " GET " + url
                            + " cursor " + decoded + " names " + id));
                }
            }
        }
        assertThat(paged).as("next-page cursors handed out").isGreaterThanOrEqualTo(4);
        assertThat(leaks).as("cursors naming another team's records").isEmpty();
    }

    /** The status the intruder gets for the same call on a made-up id of the same kind. */
    private static int madeUp(OpenApi.Operation op, String kind, String token, String body, String type) {
        String id = kind.startsWith("metrics") ? "drill-" + java.util.UUID.randomUUID()
                : java.util.UUID.randomUUID()
                        .toString();
        return Http.send(op.method(), stack.url(op.service()) + op.path().replaceAll("\\{(id|team)}", id), token,
                body == null ? null : type, body, op.writes() ? Map.of("If-Match", "\"1\"") : Map.of()).status();
    }

    /** The role may not call the operation at all (RoleMatrixTest): its 403 says nothing about the record. */
    private static boolean roleRefused(OpenApi.Operation op, String role) {
        int column = RoleMatrixTest.ROLES.indexOf(role);
        return RoleMatrixTest.rules().stream().anyMatch(rule -> rule.operation().equals(op.name())
                && rule.cells().get(column).equals("403"));
    }

    private static Map<String, Object> hints() {
        return Map.ofEntries(Map.entry("kolId", kol), Map.entry("therapeuticArea", Stack.AREA),
                Map.entry("therapeuticAreas", List.of(Stack.AREA)), Map.entry("product", Stack.PRODUCT),
                Map.entry("products", List.of(Stack.PRODUCT)), Map.entry("tags", List.of("elderly-patients")),
                Map.entry("researchTopics", List.of(Stack.TOPIC)),
                Map.entry("topics", List.of("phase-3")), Map.entry("timeZone", "Europe/Berlin"),
                Map.entry("currency", "EUR"), Map.entry("channel", "IN_PERSON"), Map.entry("resourceId", resource),
                Map.entry("safetyReportId", "SR-2026-0001"),
                Map.entry("occurredAt", java.time.Instant.now().minusSeconds(3600).toString()),
                Map.entry("plannedStart", java.time.Instant.now().plusSeconds(86_400).toString()));
    }

    /** The ETag of each of MSL A's records, as MSL A reads it. */
    private static Map<String, String> etags() {
        Map<String, String> etags = new java.util.TreeMap<>();
        for (String url : List.of(interactionUrl(), followUpUrl(), requestUrl(), draftUrl())) {
            etags.put(url, Http.get(url, mslA).header("ETag"));
        }
        return etags;
    }

    private static void assertHidden(Supplier<Response> call) {
        Response response = call.get();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static String interactionUrl() {
        return stack.url(Service.INTERACTION) + "/api/v1/interactions/" + interaction;
    }

    private static String followUpUrl() {
        return stack.url(Service.INTERACTION) + "/api/v1/follow-ups/" + followUp;
    }

    private static String requestUrl() {
        return stack.url(Service.INTERACTION) + "/api/v1/medical-requests/" + medicalRequest;
    }

    private static String draftUrl() {
        return stack.url(Service.INSIGHT) + "/api/v1/insights/" + draft;
    }
}
