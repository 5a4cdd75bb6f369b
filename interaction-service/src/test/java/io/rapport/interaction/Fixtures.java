package io.rapport.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.testing.KolServiceEvents;
import io.rapport.testing.OpenApiOperations;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/**
 * Test data: the replicas through real kol-service and insight-service events on Kafka (built from the
 * examples of docs/events/asyncapi.yaml), and interactions through the API.
 */
public final class Fixtures {

    public static final String ADA = "msl-ada";
    public static final String BOB = "msl-bob";
    public static final String GRACE = "mgr-grace";
    public static final String OTTO = "mgr-otto";
    private static boolean directoryLoaded;

    private Fixtures() {
    }

    /** Ada and Bob in two teams, managed by Grace and Otto; codes ONCOLOGY and ONC-101 (once per run). */
    public static synchronized void directory() {
        if (directoryLoaded) {
            return;
        }
        directoryLoaded = true;
        KolServiceEvents.msl(ADA, "oncology-north", GRACE, "Europe/Berlin");
        KolServiceEvents.msl(BOB, "oncology-south", OTTO, "America/New_York");
        KolServiceEvents.msl(GRACE, "managers", "head-of-medical", "Europe/Berlin");
        KolServiceEvents.exampleCodes();
    }

    /** A KOL as kol-service would publish it; returns its id once the replica holds it. */
    public static String kol(Map<String, Object> changes) {
        return KolServiceEvents.kol(changes);
    }

    public static String kol() {
        return kol(Map.of());
    }

    /** A KOL with a cap of {@code cap} contacts per quarter. */
    public static String kolWithCap(int cap) {
        return kol(Map.of("maxContactsPerQuarter", cap));
    }

    public static void publishKol(String id, String type, long version, Map<String, Object> changes) {
        KolServiceEvents.publishKol(id, type, version, changes);
    }

    public static void eraseKol(String id, long version) {
        KolServiceEvents.eraseKol(id, version);
    }

    public static void awaitReplica(String kind, String id) {
        KolServiceEvents.awaitReplica(kind, id);
    }

    /** A planned interaction body: in person, tomorrow at 09:00 UTC unless changed. */
    public static Map<String, Object> planned(String kolId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kolId", kolId);
        body.put("channel", "IN_PERSON");
        body.put("kind", "ONE_TO_ONE");
        body.put("objective", "Discuss phase III efficacy data and answer open questions");
        body.put("therapeuticArea", "ONCOLOGY");
        body.put("products", List.of("ONC-101"));
        body.put("plannedStart", Instant.now().plus(Duration.ofDays(1)).toString());
        body.put("durationMinutes", 30);
        body.put("topics", List.of("efficacy"));
        return body;
    }

    /** The completion answers of a meeting that went fine, an hour ago. */
    public static Map<String, Object> completion() {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("durationMinutes", 30);
        body.put("outcome", "Shared the data; the KOL asked for the subgroup analysis");
        body.put("disclosureMade", true);
        body.put("feedbackScore", 4);
        body.put("adverseEventMentioned", false);
        body.put("productComplaintMentioned", false);
        return body;
    }

    public static Response create(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/api/v1/interactions");
    }

    public static String interactionOf(String token, String kolId) {
        return create(token, planned(kolId)).then().statusCode(201).extract().path("id");
    }

    public static Response action(String token, String id, String action, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", token).header("If-Match", ifMatch).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/interactions/" + id + "/" + action);
    }

    /** The operations interaction-service documents, read from the OpenAPI document it serves. */
    public static List<OpenApiOperations.Operation> documentedOperations() {
        JsonNode document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .as(JsonNode.class);
        return OpenApiOperations.of(document);
    }

    public static Response patch(String token, String id, String ifMatch, Map<String, Object> patch) {
        return given().header("Authorization", token).header("If-Match", ifMatch)
                .contentType("application/merge-patch+json").body(patch).patch("/api/v1/interactions/" + id);
    }
}
