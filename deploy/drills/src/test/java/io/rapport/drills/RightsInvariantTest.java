package io.rapport.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.launcher.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rights are state of their own (issue 13): a KOL who objected, one who withdrew the consent their processing
 * rests on and one who is do-not-contact stay so whatever else is written about them. Every write operation of
 * kol-service's OpenAPI other than the rights endpoints (CRM upsert, bulk import, creation, merge patch,
 * assignments, reference data) is sent with a valid body without rights fields: the rights state the KOL shows
 * is the same afterwards, and interaction-service and insight-service (their replicas) still refuse new records
 * about the KOL with a 422 problem. A body that does carry rights fields is a 400 naming the field.
 */
class RightsInvariantTest {

    /** How each right is filed, through its own endpoint. */
    enum Right {
        OBJECTION,
        CONSENT_WITHDRAWN,
        DO_NOT_CONTACT
    }

    static Stack stack;
    static String admin;
    static String crm;
    static String msl;
    static String resource;
    static final Map<Right, String> KOLS = new LinkedHashMap<>();
    static final Map<Right, String> EXTERNAL_IDS = new LinkedHashMap<>();

    /** Every non-rights write of kol-service and a valid body for it, about the KOL (null: not about one KOL). */
    static final Map<String, Function<Right, Http.Answer>> WRITES = new LinkedHashMap<>();

    @BeforeAll
    static void kolsExerciseTheirRights() {
        stack = Stack.get();
        admin = stack.admin();
        crm = stack.token("crm-rights", "integration");
        msl = stack.token(Stack.MSL_A, "msl");
        String kol = stack.url(Service.KOL);
        for (Right right : Right.values()) {
            String external = "rights-" + UUID.randomUUID();
            Http.Answer created = Http.send("PUT", kol + "/api/v1/kols/by-external-id/drills/" + external, crm,
                    "application/json", Stack.json(profile("Before")), Map.of());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = MarkedStory.read(created.body()).path("id").asText();
            KOLS.put(right, id);
            EXTERNAL_IDS.put(right, external);
            Stack.as(admin).header("If-Match", created.header("ETag")).body(Map.of("msls", List.of(Stack.MSL_A)))
                    .put(kol + "/api/v1/kols/" + id + "/assignments").then().statusCode(200);
            String by = "the KOL by e-mail";
            switch (right) {
                case OBJECTION -> expectOk(Http.send("POST", kol + "/api/v1/kols/" + id + "/objection", msl,
                        "application/json", Stack.json(Map.of("requestedBy", by, "reason", "Art. 21 letter")), Map.of()));
                case CONSENT_WITHDRAWN -> {
                    expectOk(Http.send("PUT", kol + "/api/v1/kols/" + id + "/lawful-basis", msl, "application/json",
                            Stack.json(Map.of("lawfulBasis", "CONSENT", "requestedBy", by)), Map.of()));
                    expectOk(Http.send("PUT", kol + "/api/v1/kols/" + id + "/consents/PROFILING", msl, "application/json",
                            Stack.json(Map.of("status", "WITHDRAWN", "requestedBy", by, "source", "web form")), Map.of()));
                }
                case DO_NOT_CONTACT -> expectOk(Http.send("PUT", kol + "/api/v1/kols/" + id + "/do-not-contact", msl,
                        "application/json", Stack.json(Map.of("reason", "Asked not to be contacted", "requestedBy", by)),
                        Map.of()));
            }
        }
        String insight = stack.url(Service.INSIGHT);
        String manager = stack.token(Stack.MANAGER_A, "medical-manager");
        resource = Stack.as(manager).body(Map.of("type", "PUBLICATION", "title", "Phase III results",
                "citation", Map.of("type", "DOI", "value", "10.5555/rights." + UUID.randomUUID()), "therapeuticAreas",
                List.of(Stack.AREA), "products", List.of(Stack.PRODUCT), "tags", List.of("efficacy"), "usage",
                "PROACTIVE", "markets", List.of("DE"))).post(insight + "/api/v1/resources").then().statusCode(201)
                .extract().path("id");
        Stack.as(stack.token("approver-rights", "admin")).header("If-Match", "\"1\"").body(Map.of("mlrApprovalId",
                "MLR-" + UUID.randomUUID(), "expiresAt", Instant.now().plus(Duration.ofDays(90)).toString()))
                .post(insight + "/api/v1/resources/" + resource + "/approve").then().statusCode(200);

        WRITES.put("kol PUT /api/v1/kols/by-external-id/{system}/{externalId}", right -> Http.send("PUT", kol
                + "/api/v1/kols/by-external-id/drills/" + EXTERNAL_IDS.get(right), crm, "application/json",
                Stack.json(profile("Upserted")), Map.of()));
        WRITES.put("kol POST /api/v1/kols/import", right -> Http.send("POST", kol + "/api/v1/kols/import", crm,
                "application/x-ndjson", Stack.json(withExternalId(profile("Imported"), EXTERNAL_IDS.get(right))) + "\n",
                Map.of()));
        WRITES.put("kol POST /api/v1/kols", right -> Http.send("POST", kol + "/api/v1/kols", admin, "application/json",
                Stack.json(withExternalId(profile("Created"), EXTERNAL_IDS.get(right))), Map.of()));
        WRITES.put("kol PATCH /api/v1/kols/{id}", right -> Http.send("PATCH", kol + "/api/v1/kols/" + KOLS.get(right),
                admin, "application/merge-patch+json", Stack.json(Map.of("name", Map.of("given", "Patched"),
                        "preferences", Map.of("notes", "Prefers mornings"))),
                Map.of("If-Match", etag(right))));
        WRITES.put("kol PUT /api/v1/kols/{id}/assignments", right -> Http.send("PUT", kol + "/api/v1/kols/"
                + KOLS.get(right) + "/assignments", admin, "application/json",
                Stack.json(Map.of("msls",
                        List.of(Stack.MSL_A, Stack.MSL_B))),
                Map.of("If-Match", etag(right))));
        WRITES.put("kol PUT /api/v1/therapeutic-areas/{code}", right -> Http.send("PUT", kol
                + "/api/v1/therapeutic-areas/" + Stack.AREA, admin, "application/json",
                Stack.json(Map.of("name",
                        "Oncology")),
                Map.of()));
        WRITES.put("kol PUT /api/v1/research-topics/{code}", right -> Http.send("PUT", kol
                + "/api/v1/research-topics/" + Stack.TOPIC, admin, "application/json",
                Stack.json(Map.of("name",
                        "Drill topic")),
                Map.of()));
        WRITES.put("kol PUT /api/v1/products/{code}", right -> Http.send("PUT", kol + "/api/v1/products/"
                + Stack.PRODUCT, admin, "application/json",
                Stack.json(Map.of("name", "Drill product",
                        "therapeuticArea", Stack.AREA, "markets", List.of("DE"))),
                Map.of()));
        WRITES.put("kol PUT /api/v1/msls/{id}", right -> Http.send("PUT", kol + "/api/v1/msls/" + Stack.MSL_A, admin,
                "application/json", Stack.json(Map.of("displayName", Stack.MSL_A, "team", Stack.TEAM_A, "manager",
                        Stack.MANAGER_A, "territoryCountries", List.of("DE"), "therapeuticAreas", List.of(Stack.AREA),
                        "timeZone", "Europe/Berlin")),
                Map.of()));
    }

    /**
     * The rights endpoints (they change the rights, that is their job) and the erasure (it ends the profile) are
     * the only writes not sent; any other write operation kol-service documents must be in {@link #WRITES}.
     */
    @Test
    void shouldSendEveryOtherWriteOperationKolServiceDocuments() {
        Set<String> documented = new TreeSet<>();
        for (OpenApi.Operation op : OpenApi.of(stack, Service.KOL).operations()) {
            if (op.writes() && !isRightsEndpoint(op.path()) && !op.path().endsWith("/erasure")) {
                documented.add(op.name());
            }
        }
        assertThat(new TreeSet<>(WRITES.keySet())).isEqualTo(documented);
    }

    @ParameterizedTest
    @EnumSource(Right.class)
    void shouldKeepTheRightThroughEveryOtherWrite(Right right) {
        String before = rights(right);
        awaitRefusedByEveryService(right);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Function<Right, Http.Answer>> write : WRITES.entrySet()) {
            Http.Answer answer = write.getValue().apply(right);
            assertThat(answer.status()).as(write.getKey() + " -> " + answer.body()).isLessThan(500);
            String after = rights(right);
            if (!after.equals(before)) {
                changed.add(write.getKey() + " (" + answer.status() + "): " + before + " -> " + after);
            }
        }
        assertThat(changed).as("writes that changed the rights of a KOL (" + right + ")").isEmpty();
        // Replication is asynchronous: the services must still refuse for a while after the last write.
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < until) {
            assertRefusedByEveryService(right);
        }
    }

    @ParameterizedTest
    @EnumSource(Right.class)
    void shouldRefuseAProfileBodyCarryingRightsWith400NamingTheField(Right right) {
        String before = rights(right);
        String kol = stack.url(Service.KOL);
        for (Map<String, Object> rights : List.<Map<String, Object>> of(
                Map.of("dataProtection", Map.of("lawfulBasis", "LEGITIMATE_INTEREST")),
                Map.of("doNotContact", Map.of("active", false)))) {
            String field = rights.keySet().iterator().next();
            ObjectNode body = profile("Carrying rights");
            body.set(field, Stack.JSON.valueToTree(rights.get(field)));
            for (Http.Answer answer : List.of(
                    Http.send("PUT", kol + "/api/v1/kols/by-external-id/drills/" + EXTERNAL_IDS.get(right), crm,
                            "application/json", Stack.json(body), Map.of()),
                    Http.send("POST", kol + "/api/v1/kols", admin, "application/json", Stack.json(body), Map.of()),
                    Http.send("PATCH", kol + "/api/v1/kols/" + KOLS.get(right), admin, "application/merge-patch+json",
                            Stack.json(rights), Map.of("If-Match", etag(right))))) {
                assertThat(answer.status()).as(field + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.body()).as("names the field").contains(field);
            }
            Http.Answer imported = Http.send("POST", kol + "/api/v1/kols/import", crm, "application/x-ndjson",
                    Stack.json(withExternalId(body, EXTERNAL_IDS.get(right))) + "\n", Map.of());
            JsonNode row = MarkedStory.read(imported.body().lines().findFirst().orElse("{}"));
            assertThat(row.path("outcome").asText(row.path("status").asText())).as(imported.body()).isEqualTo("REJECTED");
            assertThat(row.toString()).as("names the field").contains(field);
        }
        assertThat(rights(right)).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------

    static boolean isRightsEndpoint(String path) {
        return path.matches("/api/v1/kols/\\{id}/(objection|consents/\\{purpose}|do-not-contact|lawful-basis"
                + "|privacy-notice|rights.*)");
    }

    /** The rights state as GET /kols/{id} shows it (everything but the profile). */
    private static String rights(Right right) {
        Http.Answer answer = Http.get(stack.url(Service.KOL) + "/api/v1/kols/" + KOLS.get(right), admin);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode kol = MarkedStory.read(answer.body());
        ObjectNode state = Stack.JSON.createObjectNode();
        for (String field : List.of("dataProtection", "doNotContact", "contactability", "rights", "status")) {
            if (kol.has(field)) {
                state.set(field, kol.get(field));
            }
        }
        return state.toString();
    }

    private static void awaitRefusedByEveryService(Right right) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertRefusedByEveryService(right));
    }

    /** A new meeting, insight and share about the KOL are each a 422 problem; nothing is created. */
    private static void assertRefusedByEveryService(Right right) {
        String kolId = KOLS.get(right);
        Map<String, Http.Answer> answers = new LinkedHashMap<>();
        answers.put("meeting", Http.send("POST", stack.url(Service.INTERACTION) + "/api/v1/interactions", msl,
                "application/json", Stack.json(Stack.plannedMeeting(kolId)), Map.of()));
        // Do-not-contact forbids contact, not the record of what the KOL said (docs/security.md): insights are
        // refused for an objection or a withdrawn consent only.
        if (right != Right.DO_NOT_CONTACT) {
            answers.put("insight", Http.send("POST", stack.url(Service.INSIGHT) + "/api/v1/insights", msl,
                    "application/json", Stack.json(Map.of("kolId", kolId, "therapeuticArea", Stack.AREA, "category",
                            "UNMET_NEED", "title", "A gap", "text", "Elderly patients are rarely tested.", "tags",
                            List.of("elderly-patients"), "adverseEventMentioned", false)),
                    Map.of()));
        }
        answers.put("share", Http.send("POST", stack.url(Service.INSIGHT) + "/api/v1/shares", msl, "application/json",
                Stack.json(Map.of("resourceId", resource, "kolId", kolId, "channel", "IN_PERSON")), Map.of()));
        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(right + ": a new " + what + " -> " + answer.body()).isEqualTo(422);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(MarkedStory.read(answer.body()).path("type").asText()).as("the rule").isNotBlank();
        });
    }

    private static void expectOk(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static String etag(Right right) {
        return Http.get(stack.url(Service.KOL) + "/api/v1/kols/" + KOLS.get(right), admin).header("ETag");
    }

    /** A full, valid CRM profile without any rights field. */
    private static ObjectNode profile(String given) {
        return MarkedStory.object("name", Map.of("given", given, "family", "Rights"), "country", "DE",
                "therapeuticAreas", List.of(Stack.AREA), "tier", 2, "preferences", Map.of("channels",
                        List.of("IN_PERSON")));
    }

    private static ObjectNode withExternalId(ObjectNode profile, String externalId) {
        ObjectNode copy = profile.deepCopy();
        copy.set("identifiers", Stack.JSON.valueToTree(Map.of("external", List.of(Map.of("system", "drills", "id",
                externalId)))));
        return copy;
    }
}
