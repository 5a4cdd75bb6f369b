package io.rapport.interaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.OpenApiOperations;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.BOB;
import static io.rapport.interaction.Fixtures.GRACE;
import static io.rapport.interaction.Fixtures.OTTO;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Another team's objects are not found, on every operation of the OpenAPI document: for an MSL and a manager of
 * another team, a request naming Ada's records (in the path or, as an interactionId, in the body) is answered
 * exactly as the same request naming records that do not exist, and no answer carries Ada's ids or free text.
 */
@QuarkusTest
class ObjectAccessInvariantTest {

    /** Operations whose answer may differ by id, and why that is no leak. */
    private static final Map<String, String> EXEMPT = Map.of(
            "GET /calendar/{token}.ics", "the URL is the secret: whoever holds it is the feed's MSL or their calendar server",
            "POST /api/v1/msls/me/calendar-feed", "acts on the caller's own feed, names no object",
            "DELETE /api/v1/msls/me/calendar-feed", "acts on the caller's own feed, names no object");

    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    /** Ada's records, and records of the same kinds that do not exist. */
    record Objects(String kol, String interaction, String completed, String followUp, String request, String externalId,
            String secret) {

        Objects missing() {
            return new Objects(kol, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x-" + System.nanoTime(), secret);
        }

        List<String> ids() {
            return List.of(interaction, completed, followUp, request, externalId);
        }
    }

    @Test
    void shouldTreatAnotherTeamsObjectsAsNotFoundOnEveryOperation() {
        String secret = "Secret wording " + UUID.randomUUID();
        Objects adas = adasRecords(secret);
        Objects missing = adas.missing();
        List<String> failures = new ArrayList<>();
        List<OpenApiOperations.Operation> operations = Fixtures.documentedOperations();
        assertThat(operations).extracting(OpenApiOperations.Operation::key).contains(
                "POST /api/v1/interactions/{id}/cap-override/approval", "GET /api/v1/kols/{kolId}/personal-data",
                "GET /api/v1/kols/{kolId}/timeline", "POST /api/v1/medical-requests/{id}/review");
        for (OpenApiOperations.Operation operation : operations) {
            if (EXEMPT.containsKey(operation.key())) {
                continue;
            }
            for (String name : List.of(BOB, OTTO)) {
                String other = name.equals(BOB) ? msl(BOB) : manager(OTTO);
                Response theirs = call(other, operation, adas);
                Response none = call(other, operation, missing);
                String cell = operation.key() + " as " + name;
                if (theirs.statusCode() != none.statusCode()
                        || !String.valueOf(type(theirs)).equals(String.valueOf(type(none)))) {
                    failures.add(cell + ": " + theirs.statusCode() + " " + type(theirs) + " for Ada's, "
                            + none.statusCode() + " " + type(none) + " for none");
                }
                // a problem may echo the id the caller sent (as for one that does not exist); nothing else of Ada's
                String body = theirs.asString();
                for (String sent : named(operation, adas)) {
                    body = body.replace(sent, "<sent>");
                }
                if (adas.ids().stream().anyMatch(body::contains) || body.contains(secret)) {
                    failures.add(cell + " leaks Ada's record: " + body);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldShowAnotherTeamsMeetingOnTheTimelineOnlyAsWhoMetTheKolAndWhen() {
        Objects adas = adasRecords("Timeline secret " + UUID.randomUUID());
        given().header("Authorization", msl(BOB)).get("/api/v1/kols/" + adas.kol() + "/timeline").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("CONTACT"))
                .body("items[0].mslId", equalTo(ADA)).body("items[0].id", nullValue())
                .body("items[0].status", nullValue()).body("items[0].detail", nullValue());
        given().header("Authorization", manager(GRACE)).get("/api/v1/kols/" + adas.kol() + "/timeline").then()
                .statusCode(200).body("items.findAll { it.type == 'CONTACT' }.size()", equalTo(0))
                .body("items.id", org.hamcrest.Matchers.hasItems(adas.interaction(), adas.completed(), adas.followUp(),
                        adas.request()));
    }

    /** A KOL without a cap; Ada's planned and completed interaction (with a CRM id), follow-up and request. */
    private Objects adasRecords(String secret) {
        KolStates.Kol kol = KolStates.in(KolStates.State.ACTIVE);
        String externalId = "ext-" + UUID.randomUUID();
        Map<String, Object> crm = Fixtures.planned(kol.id());
        crm.put("mslId", ADA);
        crm.put("objective", secret);
        given().header("Authorization", INTEGRATION).contentType(ContentType.JSON).body(crm)
                .put("/api/v1/interactions/by-external-id/veeva/" + externalId).then().statusCode(201);
        Map<String, Object> done = Fixtures.planned(kol.id());
        done.remove("plannedStart");
        done.putAll(Fixtures.completion());
        done.put("status", "COMPLETED");
        done.put("outcome", secret);
        String completed = Fixtures.create(ada, done).then().statusCode(201).extract().path("id");
        String followUp = FollowUpTest.followUp(ada, kol.earlierInteraction(), Map.of("description", secret,
                "dueDate", "2099-01-01")).then().statusCode(201).extract().path("id");
        Map<String, Object> question = new HashMap<>(MedicalRequestTest.request(kol.id()));
        question.putAll(Map.of("question", secret, "offLabel", true, "unsolicited", false, "initiatedBy", "MSL",
                "interactionId", kol.earlierInteraction()));
        String request = given().header("Authorization", ada).contentType(ContentType.JSON).body(question)
                .post("/api/v1/medical-requests").then().statusCode(201).extract().path("id");
        return new Objects(kol.id(), kol.earlierInteraction(), completed, followUp, request, externalId, secret);
    }

    /** The ids of these objects a call of the operation names (in its path, or as the interactionId of its body). */
    private static List<String> named(OpenApiOperations.Operation operation, Objects objects) {
        List<String> sent = new ArrayList<>(List.of(pathId(operation, objects)));
        if (operation.path().contains("{externalId}")) {
            sent.add(objects.externalId());
        }
        if (operation.key().equals("POST /api/v1/medical-requests")) {
            sent.add(objects.interaction());
        }
        return sent;
    }

    private static String pathId(OpenApiOperations.Operation operation, Objects objects) {
        String path = operation.path();
        return path.startsWith("/api/v1/medical-requests") ? objects.request()
                : path.startsWith("/api/v1/follow-ups") ? objects.followUp() : objects.interaction();
    }

    /** The operation as {@code token}, naming these objects in its path and body. */
    static Response call(String token, OpenApiOperations.Operation operation, Objects objects) {
        String path = operation.path().replace("{id}", pathId(operation, objects)).replace("{kolId}", objects.kol())
                .replace("{system}", "veeva")
                .replace("{externalId}", objects.externalId()).replace("{token}", "no-such-token");
        RequestSpecification request = given().header("Authorization", token).header("If-Match", "\"1\"")
                .contentType(operation.method().equals("PATCH") ? "application/merge-patch+json" : "application/json");
        Object body = body(operation, objects);
        if (body != null) {
            request.body(body);
        }
        if (operation.query().stream().anyMatch(parameter -> parameter.name().equals("kolId"))) {
            request.queryParam("kolId", objects.kol());
        }
        return request.request(operation.method(), path);
    }

    /** A valid body for each operation that takes one, so that the answer is about the objects, not the body. */
    private static Object body(OpenApiOperations.Operation operation, Objects objects) {
        String key = operation.key();
        if (key.endsWith("/complete")) {
            return Fixtures.completion();
        }
        if (key.endsWith("/cancel")) {
            return Map.of("reason", "Travel");
        }
        if (key.endsWith("/follow-ups") && key.startsWith("POST")) {
            return Map.of("description", "Send the reprint", "dueDate", "2099-01-01");
        }
        if (key.endsWith("/answer")) {
            return Map.of("answer", "The dose is 5 mg");
        }
        if (key.endsWith("/review")) {
            return Map.of("decision", "CLEARED");
        }
        if (key.equals("PATCH /api/v1/interactions/{id}")) {
            return Map.of("durationMinutes", 5);
        }
        if (key.equals("PATCH /api/v1/follow-ups/{id}")) {
            return Map.of("dueDate", "2099-05-01");
        }
        if (key.equals("POST /api/v1/interactions") || key.startsWith("PUT /api/v1/interactions/by-external-id")) {
            Map<String, Object> planned = Fixtures.planned(objects.kol());
            planned.put("channel", "VIDEO");
            return planned;
        }
        if (key.equals("POST /api/v1/medical-requests")) {
            Map<String, Object> question = new HashMap<>(MedicalRequestTest.request(objects.kol()));
            question.put("interactionId", objects.interaction());
            return question;
        }
        if (Set.of("POST", "PUT", "PATCH").contains(operation.method()) && !key.endsWith("/no-show")
                && !key.endsWith("/forward") && !key.endsWith("/withdraw") && !key.endsWith("/approval")
                && !key.contains("calendar-feed")) {
            throw new IllegalStateException("No body known for " + key + ": add one so the invariant covers it");
        }
        return null;
    }

    private static String type(Response response) {
        String contentType = response.contentType();
        return contentType != null && contentType.contains("json") && response.asString().startsWith("{")
                ? response.jsonPath().getString("type")
                : null;
    }
}
