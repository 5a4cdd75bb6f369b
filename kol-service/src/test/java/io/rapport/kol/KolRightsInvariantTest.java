package io.rapport.kol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.OpenApiOperations;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariant of issue 13: a KOL's rights are changed only by the rights endpoints. For a KOL who objected,
 * withdrew a consent and is do-not-contact, every write operation the OpenAPI document lists is called once with a
 * valid body that carries no rights (the rights stay exactly as they were), and once for each rights member with a
 * body that carries it, whatever its value (400 naming the member; nothing changes). A new write operation fails
 * this test until it is added here, so nobody adds a path around the rule without deciding how it treats the rights.
 */
@QuarkusTest
class KolRightsInvariantTest {

    private static final String RECEIVED = "2026-11-20T10:00:00Z";
    /** Each rights member a profile document could carry, with the values that once set, reset or cleared them. */
    private static final List<Map.Entry<String, Object>> RIGHTS_MEMBERS = rightsMembers();

    private final String ada = msl("msl-invariant-ada");
    private String kol;
    private String crmId;
    private String npi;

    /** One write operation: calls it with a valid body plus {@code extra} members (none, or one rights member). */
    private interface Call {
        Response with(Map<String, Object> extra);
    }

    /** How an operation refuses a body that carries rights: the problem's type, or a rejected import row. */
    private enum Refusal {
        PROFILE,
        STRICT_BODY,
        IMPORT_ROW
    }

    private record Case(Call call, Refusal refusal) {
    }

    @BeforeEach
    void kolWithRights() {
        Fixtures.referenceData();
        Fixtures.directory("msl-invariant-ada", "invariant-team", "mgr-invariant");
        crmId = UUID.randomUUID().toString();
        npi = Fixtures.npi();
        Map<String, Object> profile = profile("Invariant");
        profile.put("identifiers", Map.of("npi", npi, "external", List.of(Map.of("system", "veeva", "id", crmId))));
        kol = Fixtures.create(ada, profile).then().statusCode(201).extract().path("id");
        giveRights(kol);
    }

    @Test
    void shouldLeaveTheRightsUnchangedOnEveryWriteOperationAndRefuseEveryBodyThatCarriesThem() {
        Map<String, Case> cases = cases();
        Set<String> documented = writeOperations();
        assertThat(cases.keySet()).as("every write operation of the OpenAPI has a case here (add the new one)")
                .containsExactlyInAnyOrderElementsOf(documented);
        Map<String, Object> rights = rightsOf(kol);
        assertThat(rights.get("contactability")).asString().contains("contactable=false");

        List<String> broken = new ArrayList<>();
        for (String operation : new TreeSet<>(documented)) {
            Case c = cases.get(operation);
            Response valid = c.call().with(Map.of());
            if (valid.statusCode() >= 300) {
                broken.add(operation + ": the valid body was refused " + valid.statusCode() + " " + valid.asString());
            }
            if (!rightsOf(kol).equals(rights)) {
                broken.add(operation + ": the valid body changed the rights to " + rightsOf(kol));
                giveRights(kol);
            }
            for (Map.Entry<String, Object> member : RIGHTS_MEMBERS) {
                Map<String, Object> extra = new HashMap<>();
                extra.put(member.getKey(), member.getValue());
                String refusal = refused(c.refusal(), member.getKey(), c.call().with(extra));
                if (refusal != null) {
                    broken.add(operation + " with " + member + ": " + refusal);
                }
                if (!rightsOf(kol).equals(rights)) {
                    broken.add(operation + " with " + member + ": changed the rights to " + rightsOf(kol));
                    giveRights(kol);
                }
            }
        }
        assertThat(broken).as("operations that let the rights change or took a body carrying them").isEmpty();
    }

    /** Null when the answer refuses the rights member as it should; otherwise what is wrong with it. */
    private static String refused(Refusal refusal, String member, Response response) {
        String body = response.asString();
        if (refusal == Refusal.IMPORT_ROW) {
            if (response.statusCode() != 200) {
                return "the import answered " + response.statusCode() + " " + body;
            }
            JsonPath row = JsonPath.from(body.lines().findFirst().orElse("{}"));
            boolean named = row.getList("errors.field").contains(member)
                    && row.getList("errors.message").toString().contains("/api/v1/kols/{id}/");
            return "REJECTED".equals(row.getString("outcome")) && named ? null
                    : "the row was not rejected naming it: "
                            + body;
        }
        if (response.statusCode() != 400 || !body.contains("\"field\":\"" + member + "\"")) {
            return "answered " + response.statusCode() + " " + body;
        }
        if (refusal == Refusal.PROFILE) {
            JsonPath problem = JsonPath.from(body);
            if (!problem.getString("type").endsWith("/rights-not-in-profile")
                    || !problem.getString("detail").contains("/api/v1/kols/{id}/")) {
                return "the problem does not name the rights endpoint: " + body;
            }
        }
        return null;
    }

    private Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("POST /api/v1/kols", new Case(extra -> {
            Map<String, Object> body = merged(profile("Fresh"), extra);
            Response created = Fixtures.create(ada, body);
            if (created.statusCode() == 201) {
                // a KOL is created with the defaults, whatever it is created after
                assertThat(created.jsonPath().getBoolean("contactability.contactable")).isTrue();
                assertThat(created.jsonPath().getString("dataProtection.objectedAt")).isNull();
            }
            return created;
        }, Refusal.PROFILE));
        cases.put("PATCH /api/v1/kols/{id}", new Case(extra -> KolResourceTest.patch(ada, kol, etag(kol),
                merged(Map.of("tier", 1 + (int) (System.nanoTime() % 4)), extra)), Refusal.PROFILE));
        cases.put("PUT /api/v1/kols/by-external-id/{system}/{externalId}", new Case(extra -> {
            Map<String, Object> resync = profile("Invariant");
            resync.put("tier", 3);
            resync.put("identifiers", Map.of("npi", npi));
            return given().header("Authorization", INTEGRATION).contentType(ContentType.JSON).body(merged(resync, extra))
                    .put("/api/v1/kols/by-external-id/veeva/" + crmId);
        }, Refusal.PROFILE));
        cases.put("POST /api/v1/kols/import", new Case(extra -> {
            if (!extra.isEmpty()) {
                return importing("application/x-ndjson", json(merged(Map.of("name", Map.of("family", "Imported"),
                        "identifiers", Map.of("npi", npi)), extra)));
            }
            Response ndjson = importing("application/x-ndjson", "{\"name\":{\"family\":\"Imported\"},\"tier\":4,"
                    + "\"identifiers\":{\"npi\":\"" + npi + "\"}}");
            assertThat(ndjson.asString()).contains("\"kolId\":\"" + kol + "\"");
            return importing("text/csv", "externalSystem,externalId,family,tier\nveeva," + crmId + ",Csv,2\n");
        }, Refusal.IMPORT_ROW));
        cases.put("PUT /api/v1/kols/{id}/assignments", new Case(extra -> given().header("Authorization", ADMIN)
                .header("If-Match", etag(kol)).contentType(ContentType.JSON)
                .body(merged(Map.of("msls", List.of("msl-invariant-ada")), extra))
                .put("/api/v1/kols/" + kol + "/assignments"), Refusal.STRICT_BODY));
        cases.put("POST /api/v1/kols/{id}/erasure", new Case(extra -> {
            if (!extra.isEmpty()) {
                // refused before anything is erased: the KOL of the invariant stays as it is
                return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                        .body(merged(Map.of("reason", "Request INV"), extra)).post("/api/v1/kols/" + kol + "/erasure");
            }
            // an erasure keeps what makes the pseudonymous KOL uncontactable (objection, do-not-contact)
            String erased = Fixtures.kolOf(ada, "Erased");
            giveRights(erased);
            Response response = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("reason", "Request INV")).post("/api/v1/kols/" + erased + "/erasure");
            JsonPath after = given().header("Authorization", ADMIN).get("/api/v1/kols/" + erased).jsonPath();
            assertThat(after.getString("dataProtection.objectedAt")).isEqualTo(RECEIVED);
            assertThat(after.getBoolean("doNotContact.active")).isTrue();
            assertThat(after.getString("doNotContact.reason")).isNull();
            return response;
        }, Refusal.STRICT_BODY));
        // the rights endpoints: the same request again is a no-op; a withdrawal is undone by filing it again
        cases.put("POST /api/v1/kols/{id}/objection", new Case(extra -> KolRightsTest.rights(ada, "POST", kol,
                "/objection", merged(Map.of("receivedAt", "2026-11-25T00:00:00Z", "requestedBy", "the KOL"), extra)),
                Refusal.STRICT_BODY));
        cases.put("DELETE /api/v1/kols/{id}/objection", new Case(extra -> {
            Response withdrawn = KolRightsTest.rights(ada, "DELETE", kol, "/objection",
                    merged(Map.of("requestedBy", "the KOL"), extra));
            if (withdrawn.statusCode() == 200) {
                assertThat(withdrawn.jsonPath().getString("dataProtection.objectedAt")).isNull();
                KolRightsTest.rights(ada, "POST", kol, "/objection", Map.of("receivedAt", RECEIVED, "requestedBy",
                        "the KOL")).then().statusCode(200);
            }
            return withdrawn;
        }, Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/kols/{id}/consents/{purpose}", new Case(extra -> KolRightsTest.rights(ada, "PUT", kol,
                "/consents/EMAIL_CONTACT", merged(withdrawnConsent(), extra)), Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/kols/{id}/do-not-contact", new Case(extra -> KolRightsTest.rights(ada, "PUT", kol,
                "/do-not-contact", merged(Map.of("reason", "no industry contact", "requestedBy", "the KOL",
                        "receivedAt", "2026-11-29T00:00:00Z"), extra)),
                Refusal.STRICT_BODY));
        cases.put("DELETE /api/v1/kols/{id}/do-not-contact", new Case(extra -> {
            Response cleared = KolRightsTest.rights(ada, "DELETE", kol, "/do-not-contact",
                    merged(Map.of("requestedBy", "the KOL"), extra));
            if (cleared.statusCode() == 200) {
                assertThat(cleared.jsonPath().getBoolean("doNotContact.active")).isFalse();
                KolRightsTest.rights(ada, "PUT", kol, "/do-not-contact", doNotContact()).then().statusCode(200);
            }
            return cleared;
        }, Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/kols/{id}/lawful-basis", new Case(extra -> KolRightsTest.rights(ada, "PUT", kol,
                "/lawful-basis", merged(Map.of("lawfulBasis", "LEGITIMATE_INTEREST", "requestedBy", "DPO"), extra)),
                Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/kols/{id}/privacy-notice", new Case(extra -> KolRightsTest.rights(ada, "PUT", kol,
                "/privacy-notice", merged(Map.of("sentAt", RECEIVED, "requestedBy", "Art. 14 mailing"), extra)),
                Refusal.STRICT_BODY));
        // reference data: no KOL in the body at all, and a rights member is an unknown property like any other
        cases.put("PUT /api/v1/therapeutic-areas/{code}", new Case(extra -> admin("/api/v1/therapeutic-areas/ONCOLOGY",
                merged(Map.of("name", "Oncology"), extra)), Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/products/{code}", new Case(extra -> admin("/api/v1/products/INV-1",
                merged(Map.of("name", "Invariant", "therapeuticArea", "ONCOLOGY", "markets", List.of("DE")), extra)),
                Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/research-topics/{code}", new Case(extra -> admin("/api/v1/research-topics/invariant-topic",
                merged(Map.of("name", "Invariant topic"), extra)), Refusal.STRICT_BODY));
        cases.put("PUT /api/v1/msls/{id}", new Case(extra -> admin("/api/v1/msls/msl-invariant-ada",
                merged(Map.of("displayName", "Ada", "team", "invariant-team", "manager", "mgr-invariant",
                        "timeZone", "Europe/Berlin"), extra)),
                Refusal.STRICT_BODY));
        return cases;
    }

    /** The invariant's starting point: objected, e-mail consent withdrawn, do-not-contact, notice sent. */
    private void giveRights(String id) {
        KolRightsTest.rights(ADMIN, "DELETE", id, "/objection", Map.of("requestedBy", "reset")).then().statusCode(200);
        KolRightsTest.rights(ada, "POST", id, "/objection", Map.of("receivedAt", RECEIVED, "requestedBy", "the KOL"))
                .then().statusCode(200);
        KolRightsTest.rights(ada, "PUT", id, "/consents/EMAIL_CONTACT", withdrawnConsent()).then().statusCode(200);
        KolRightsTest.rights(ada, "PUT", id, "/do-not-contact", doNotContact()).then().statusCode(200);
        KolRightsTest.rights(ada, "PUT", id, "/privacy-notice", Map.of("sentAt", RECEIVED, "requestedBy", "mailing"))
                .then().statusCode(200);
        KolRightsTest.rights(ada, "PUT", id, "/lawful-basis", Map.of("lawfulBasis", "LEGITIMATE_INTEREST",
                "requestedBy", "DPO")).then().statusCode(200);
    }

    private static Map<String, Object> withdrawnConsent() {
        return Map.of("status", "WITHDRAWN", "requestedBy", "the KOL by e-mail", "receivedAt", RECEIVED,
                "evidenceReference", "MAIL-1");
    }

    private static Map<String, Object> doNotContact() {
        return Map.of("reason", "no industry contact", "requestedBy", "the KOL", "receivedAt", RECEIVED);
    }

    /** The rights as the KOL view shows them, with the contactability derived from them. */
    private static Map<String, Object> rightsOf(String id) {
        JsonPath view = given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().statusCode(200)
                .extract().jsonPath();
        return Map.of("dataProtection", view.getMap("dataProtection"), "doNotContact", view.getMap("doNotContact"),
                "contactability", view.getMap("contactability"));
    }

    /** "METHOD path" of every operation that may write, from the service's own OpenAPI document. */
    private static Set<String> writeOperations() {
        return Fixtures.documentedOperations().stream()
                .filter(operation -> Set.of("POST", "PUT", "PATCH", "DELETE").contains(operation.method()))
                .map(OpenApiOperations.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Map.Entry<String, Object>> rightsMembers() {
        List<Map.Entry<String, Object>> members = new ArrayList<>();
        members.add(new java.util.AbstractMap.SimpleEntry<>("dataProtection", Map.of("lawfulBasis",
                "LEGITIMATE_INTEREST", "consents", Map.of())));
        members.add(new java.util.AbstractMap.SimpleEntry<>("dataProtection", null));
        members.add(new java.util.AbstractMap.SimpleEntry<>("doNotContact", Map.of("active", false)));
        members.add(new java.util.AbstractMap.SimpleEntry<>("doNotContact", null));
        return members;
    }

    private static Map<String, Object> merged(Map<String, Object> body, Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(body);
        all.putAll(extra);
        return all;
    }

    private static String etag(String id) {
        return given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().extract().header("ETag");
    }

    private static Response admin(String path, Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).put(path);
    }

    private static Response importing(String type, String body) {
        return given().header("Authorization", INTEGRATION).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/kols/import");
    }

    private static String json(Map<String, Object> document) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
