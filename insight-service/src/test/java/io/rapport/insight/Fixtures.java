package io.rapport.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.testing.EventSchemas;
import io.rapport.testing.EventSender;
import io.rapport.testing.KolServiceEvents;
import io.rapport.testing.OpenApiOperations;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.testing.Tokens.manager;
import static io.restassured.RestAssured.given;

/**
 * Test data: the directory, KOLs and medical requests through real kol-service and interaction-service events
 * on Kafka (from the examples of docs/events/asyncapi.yaml), insights and resources through the API.
 */
public final class Fixtures {

    /** Ada and Bea work in oncology-north (managed by Grace), Carl in oncology-south (managed by Otto). */
    public static final String ADA = "msl-ada";
    public static final String BEA = "msl-bea";
    public static final String CARL = "msl-carl";
    public static final String GRACE = "mgr-grace";
    public static final String OTTO = "mgr-otto";
    private static boolean directoryLoaded;

    private Fixtures() {
    }

    /** The MSL directory and the example codes ONCOLOGY and ONC-101, once per run. */
    public static synchronized void directory() {
        if (directoryLoaded) {
            return;
        }
        KolServiceEvents.msl(ADA, "oncology-north", GRACE, "Europe/Berlin");
        KolServiceEvents.msl(BEA, "oncology-north", GRACE, "Europe/Paris");
        KolServiceEvents.msl(CARL, "oncology-south", OTTO, "America/New_York");
        KolServiceEvents.msl(GRACE, "managers", "head-of-medical", "Europe/Berlin");
        KolServiceEvents.msl(OTTO, "managers", "head-of-medical", "America/New_York");
        KolServiceEvents.exampleCodes();
        directoryLoaded = true;
    }

    /** A KOL (the documented example: DE, ONCOLOGY, research topic immunotherapy-resistance) with changes. */
    public static String kol(Map<String, Object> changes) {
        return KolServiceEvents.kol(changes);
    }

    public static String kol() {
        return kol(Map.of());
    }

    /** interaction-service received a medical information request of this KOL (by Ada). */
    public static String medicalRequest(String kolId, boolean unsolicited) {
        return medicalRequest(kolId, unsolicited, ADA, "oncology-north");
    }

    /** interaction-service received a medical information request of this KOL, by this MSL. */
    public static String medicalRequest(String kolId, boolean unsolicited, String msl, String team) {
        String id = UUID.randomUUID().toString();
        var data = EventSchemas.example("rapport.medical-request.received.v1").put("requestId", id).put("kolId", kolId)
                .put("unsolicited", unsolicited).put("mslId", msl).put("team", team).put("aggregateVersion", 1);
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.interaction.v1", UUID.randomUUID(), "rapport.medical-request.received.v1", id, data);
        }
        KolServiceEvents.awaitReplica("medical-request", id);
        return id;
    }

    /** interaction-service recorded an interaction of this MSL with this KOL. */
    public static String interaction(String kolId, String msl, String team) {
        String id = UUID.randomUUID().toString();
        var data = EventSchemas.example("rapport.interaction.planned.v1").put("interactionId", id).put("kolId", kolId)
                .put("mslId", msl).put("recordedBy", msl).put("team", team).put("aggregateVersion", 1);
        try (EventSender sender = new EventSender()) {
            sender.send("rapport.interaction.v1", UUID.randomUUID(), "rapport.interaction.planned.v1", id, data);
        }
        KolServiceEvents.awaitReplica("interaction", id);
        return id;
    }

    /** An insight body about ONCOLOGY; change what the test needs. */
    public static Map<String, Object> insight(String kolId) {
        Map<String, Object> body = new HashMap<>();
        if (kolId != null) {
            body.put("kolId", kolId);
        }
        body.put("therapeuticArea", "ONCOLOGY");
        body.put("product", "ONC-101");
        body.put("category", "UNMET_NEED");
        body.put("title", "Elderly patients are rarely tested for biomarkers");
        body.put("text", "The KOL sees many elderly NSCLC patients who never get biomarker testing before first line.");
        body.put("evidence", List.of(Map.of("type", "PMID", "value", "31562796")));
        body.put("tags", List.of("biomarker-testing", "elderly-patients"));
        body.put("sentiment", "NEGATIVE");
        body.put("adverseEventMentioned", false);
        return body;
    }

    public static Response draft(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/api/v1/insights");
    }

    /** Drafts and submits an insight; returns its id. */
    public static String submitted(String token, Map<String, Object> body) {
        String id = draft(token, body).then().statusCode(201).extract().path("id");
        action(token, id, "submit", "\"1\"", null).then().statusCode(200);
        return id;
    }

    public static Response action(String token, String id, String action, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/insights/" + id + "/" + action);
    }

    /** The operations insight-service documents, read from the OpenAPI document it serves. */
    public static List<OpenApiOperations.Operation> documentedOperations() {
        JsonNode document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .as(JsonNode.class);
        return OpenApiOperations.of(document);
    }

    public static Response get(String token, String path) {
        return given().header("Authorization", token).get(path);
    }

    /** A resource body: a PROACTIVE ONCOLOGY publication approved in DE and FR. */
    public static Map<String, Object> resource() {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "PUBLICATION");
        body.put("title", "Biomarker testing in elderly NSCLC patients: a cohort study");
        body.put("citation", Map.of("type", "DOI", "value", "10.1056/NEJMoa2035389"));
        body.put("therapeuticAreas", List.of("ONCOLOGY"));
        body.put("products", List.of("ONC-101"));
        body.put("tags", List.of("biomarker-testing"));
        body.put("usage", "PROACTIVE");
        body.put("markets", List.of("DE", "FR"));
        return body;
    }

    public static String draftResource(Map<String, Object> body) {
        return given().header("Authorization", manager(GRACE)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/resources").then().statusCode(201).extract().path("id");
    }

    /** Drafts and approves a resource (expiring in a year); returns its id. */
    public static String approvedResource(Map<String, Object> body) {
        String id = draftResource(body);
        resourceAction(id, "approve", "\"1\"", Map.of("mlrApprovalId", "MLR-" + id.substring(0, 8),
                "expiresAt", Instant.now().plus(Duration.ofDays(365)).toString())).then().statusCode(200);
        return id;
    }

    /** Grace drafts resources; another manager (Otto) approves them, as nobody approves their own. */
    public static Response resourceAction(String id, String action, String ifMatch, Map<String, Object> body) {
        return given().header("Authorization", manager("approve".equals(action) ? OTTO : GRACE)).header("If-Match", ifMatch)
                .contentType(ContentType.JSON)
                .body(body).post("/api/v1/resources/" + id + "/" + action);
    }

    public static Response share(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/api/v1/shares");
    }

    public static Map<String, Object> shareOf(String resourceId, String kolId) {
        Map<String, Object> body = new HashMap<>();
        body.put("resourceId", resourceId);
        body.put("kolId", kolId);
        body.put("channel", "IN_PERSON");
        return body;
    }
}
