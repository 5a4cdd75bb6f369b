package io.rapport.kol;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.kol.Fixtures.create;
import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Creating, reading and changing KOL profiles through the API. */
@QuarkusTest
class KolResourceTest {

    private final String ada = msl("msl-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldCreateAKolAssignedToTheMslWhoCreatedIt() {
        Map<String, Object> profile = profile("Lovelace");
        Response created = create(ada, profile);
        created.then().statusCode(201).header("ETag", "\"1\"").header("Location", containsString("/api/v1/kols/"))
                .body("assignedMsls", contains("msl-ada")).body("status", equalTo("ACTIVE"))
                .body("name.family", equalTo("Lovelace")).body("contactability.contactable", equalTo(true));
        given().header("Authorization", ada).get(created.getHeader("Location")).then().statusCode(200)
                .header("ETag", "\"1\"").body("identifiers.npi", equalTo(((Map<?, ?>) profile.get("identifiers")).get("npi")));
    }

    @Test
    void shouldNotAssignAManagerWhoCreatesAKol() {
        create(Tokens.manager("mgr-1"), profile("Curie")).then().statusCode(201).body("assignedMsls.size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "identifiers.npi|1234567890", "identifiers.npi|3234567893", "identifiers.orcid|0000-0002-1825-0098",
            "tier|5", "tier|0", "preferences.meetingLengthMinutes|4", "preferences.meetingLengthMinutes|481",
            "preferences.maxContactsPerQuarter|101", "preferences.maxContactsPerQuarter|-1", "country|XX",
            "contact.email|not-an-email", "status|ERASED" })
    void shouldRefuseAnInvalidFieldWithAFieldLevelError(String field, String value) {
        Map<String, Object> profile = profile("Invalid");
        set(profile, field, value.matches("-?\\d+") && !field.contains("npi") ? Integer.parseInt(value) : value);
        create(ada, profile).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void shouldRefusePublicationsAndTrialsWithBadIdentifiers() {
        Map<String, Object> profile = profile("Scholar");
        profile.put("publications", List.of(Map.of("pmid", "0123", "title", "t"), Map.of("doi", "11.1/x", "title", "t"),
                Map.of("title", "no id")));
        profile.put("clinicalTrials", List.of(Map.of("registry", "NCT", "id", "NCT123"),
                Map.of("registry", "EUDRACT", "id", "2020-001234-56-00"),
                Map.of("registry", "CTIS", "id", "2023-501234-12-00")));
        create(ada, profile).then().statusCode(400)
                .body("errors.field", hasItem("publications[0].pmid")).body("errors.field", hasItem("publications[1].doi"))
                .body("errors.field", hasItem("publications[2].identified"))
                .body("errors.field", hasItem("clinicalTrials[0].idOfRegistry"))
                .body("errors.field", hasItem("clinicalTrials[1].idOfRegistry"))
                .body("errors.size()", equalTo(5));
    }

    @Test
    void shouldRefuseAnUnknownEnumValueAndAnUnknownField() {
        Map<String, Object> profile = profile("Enum");
        profile.put("preferences", Map.of("channels", List.of("CARRIER_PIGEON")));
        create(ada, profile).then().statusCode(400).body("errors[0].field", equalTo("preferences.channels[0]"));
        Map<String, Object> other = profile("Unknown");
        other.put("favouriteColour", "blue");
        create(ada, other).then().statusCode(400).body("errors[0].field", equalTo("favouriteColour"));
    }

    @Test
    void shouldRefuseAnUnknownTherapeuticAreaCode() {
        Map<String, Object> profile = profile("Area");
        profile.put("therapeuticAreas", List.of("ONCOLOGY", "ASTROLOGY"));
        create(ada, profile).then().statusCode(400).body("errors[0].field", equalTo("therapeuticAreas[1]"))
                .body("errors[0].message", containsString("ASTROLOGY"));
    }

    @Test
    void shouldRefuseAnNpiHeldByAnotherKolNamingThatKol() {
        Map<String, Object> first = profile("First");
        String firstId = create(ada, first).then().statusCode(201).extract().path("id");
        Map<String, Object> second = profile("Second");
        second.put("identifiers", Map.of("npi", ((Map<?, ?>) first.get("identifiers")).get("npi")));
        create(ada, second).then().statusCode(409).body("type", endsWith("/identifier-taken"))
                .body("otherKolId", equalTo(firstId)).body("identifier", equalTo("NPI"));
    }

    @Test
    void shouldRefuseAnExternalIdHeldByAnotherKol() {
        Map<String, Object> first = profile("Crm1");
        String system = "veeva";
        String externalId = UUID.randomUUID().toString();
        first.put("identifiers", Map.of("external", List.of(Map.of("system", system, "id", externalId))));
        String firstId = create(ada, first).then().statusCode(201).extract().path("id");
        Map<String, Object> second = profile("Crm2");
        second.put("identifiers", Map.of("external", List.of(Map.of("system", system, "id", externalId))));
        create(ada, second).then().statusCode(409).body("otherKolId", equalTo(firstId));
    }

    @Test
    void shouldApplyAMergePatchAtTheVersionRead() {
        String id = Fixtures.kolOf(ada, "Patched");
        patch(ada, id, "\"1\"", Map.of("tier", 1, "preferences", Map.of("channels", List.of("VIDEO"))))
                .then().statusCode(200).header("ETag", "\"2\"").body("tier", equalTo(1))
                .body("preferences.channels", contains("VIDEO")).body("name.family", equalTo("Patched"));
    }

    @Test
    void shouldRequireIfMatchAndRefuseAStaleOne() {
        String id = Fixtures.kolOf(ada, "Versioned");
        given().header("Authorization", ada).contentType("application/merge-patch+json").body(Map.of("tier", 3))
                .patch("/api/v1/kols/" + id).then().statusCode(428);
        patch(ada, id, "\"1\"", Map.of("tier", 3)).then().statusCode(200);
        patch(ada, id, "\"1\"", Map.of("tier", 4)).then().statusCode(412).body("currentVersion", equalTo(2));
    }

    @Test
    void shouldRefuseToPatchReadOnlyOrUnknownFields() {
        String id = Fixtures.kolOf(ada, "ReadOnly");
        patch(ada, id, "\"1\"", Map.of("version", 9)).then().statusCode(400).body("errors[0].field", equalTo("version"));
        patch(ada, id, "\"1\"", Map.of("tier", 9)).then().statusCode(400).body("errors[0].field", equalTo("tier"));
    }

    @Test
    void shouldNotCreateAVersionWhenAPatchChangesNothing() {
        String id = Fixtures.kolOf(ada, "Same");
        patch(ada, id, "\"1\"", Map.of("tier", 2)).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void shouldReplayACreationRetriedWithTheSameIdempotencyKey() {
        Map<String, Object> profile = profile("Retried");
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", ada).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(profile).post("/api/v1/kols").then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).header("Idempotency-Key", key).contentType(ContentType.JSON).body(profile)
                .post("/api/v1/kols").then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        assertThat(DevstackResource.sql("SELECT count(*) FROM kol WHERE search_names LIKE '%Retried%'")).isEqualTo("1");
    }

    @Test
    void shouldKeepAnAuditTrailWithOldAndNewValues() {
        String id = Fixtures.kolOf(ada, "Audited");
        patch(ada, id, "\"1\"", Map.of("tier", 1)).then().statusCode(200);
        given().header("Authorization", ada).get("/api/v1/kols/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("created", "updated"))
                .body("items[1].actor", equalTo("msl-ada")).body("items[1].version", equalTo(2))
                .body("items[1].changes.find { it.field == 'profile.tier' }.oldValue", equalTo(2))
                .body("items[1].changes.find { it.field == 'profile.tier' }.newValue", equalTo(1));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownKol() {
        given().header("Authorization", ada).get("/api/v1/kols/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/not-found"));
    }

    @Test
    void shouldStoreTheFullProfile() {
        Map<String, Object> profile = profile("Complete");
        profile.put("contact", Map.of("email", "complete@example.org", "phone", "+49 30 1234567",
                "address",
                Map.of("lines", List.of("Charitéplatz 1"), "city", "Berlin", "postalCode", "10117", "country", "DE")));
        profile.put("specialties", List.of("Medical Oncology"));
        profile.put("researchInterests", List.of("Immunotherapy resistance"));
        profile.put("currentProjects", List.of("Biomarker study"));
        profile.put("affiliations", List.of(Map.of("institution", "Charité", "role", "Head", "country", "DE",
                "from", "2015-01-01")));
        profile.put("publications", List.of(Map.of("pmid", "31452800", "doi", "10.1056/NEJMoa2034577",
                "title", "Checkpoint inhibition in NSCLC", "journal", "NEJM", "year", 2021)));
        profile.put("clinicalTrials", List.of(Map.of("registry", "NCT", "id", "NCT04368728",
                "role", "PRINCIPAL_INVESTIGATOR", "phase", "PHASE_3", "status", "RECRUITING")));
        profile.put("preferences", Map.of("channels", List.of("IN_PERSON", "VIDEO"), "meetingLengthMinutes", 30,
                "maxContactsPerQuarter", 3, "notes", "Mornings"));
        profile.put("conflictsOfInterest", List.of(Map.of("company", "Acme Pharma", "kind", "ADVISORY_BOARD")));
        String id = create(ada, profile).then().statusCode(201).extract().path("id");
        KolRightsTest.rights(ada, "PUT", id, "/consents/PROFILING", Map.of("status", "GRANTED", "requestedBy",
                "the KOL on a web form", "receivedAt", "2026-01-02T00:00:00Z", "source", "web form",
                "evidenceReference", "DOC-1")).then().statusCode(200);
        given().header("Authorization", ada).get("/api/v1/kols/" + id).then().statusCode(200)
                .body("contact.address.city", equalTo("Berlin")).body("publications[0].year", equalTo(2021))
                .body("clinicalTrials[0].phase", equalTo("PHASE_3")).body("dataProtection.consents.PROFILING.status",
                        equalTo("GRANTED"))
                .body("affiliations[0].from", equalTo("2015-01-01")).body("conflictsOfInterest[0].kind",
                        equalTo("ADVISORY_BOARD"))
                .body("contactability.contactable", equalTo(true)).body("createdAt", notNullValue());
    }

    @Test
    void shouldMakeAKolOnConsentWithoutProfilingConsentNotContactable() {
        String id = create(ADMIN, profile("NoConsent")).then().statusCode(201)
                .body("contactability.contactable", equalTo(true)).extract().path("id");
        KolRightsTest.rights(ADMIN, "PUT", id, "/lawful-basis", Map.of("lawfulBasis", "CONSENT", "requestedBy",
                "data protection officer")).then().statusCode(200).body("contactability.contactable", equalTo(false))
                .body("contactability.reason", equalTo("no-lawful-basis"));
    }

    static Response patch(String token, String id, String ifMatch, Map<String, Object> patch) {
        return given().header("Authorization", token).header("If-Match", ifMatch).contentType("application/merge-patch+json")
                .body(patch).patch("/api/v1/kols/" + id);
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> document, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = document;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            Map<String, Object> copy = child == null ? new java.util.HashMap<>()
                    : new java.util.HashMap<>((Map<String, Object>) child);
            node.put(parts[i], copy);
            node = copy;
        }
        node.put(parts[parts.length - 1], value);
    }
}
