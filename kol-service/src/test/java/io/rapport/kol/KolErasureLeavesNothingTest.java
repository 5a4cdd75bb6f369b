package io.rapport.kol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.http.ContentType;

import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR Art. 17 in kol-service's own database: after an erasure, no text, varchar or jsonb column of any table
 * holds any of the KOL's personal data (profile, rights, history values and reasons, stored Idempotency-Key
 * replies, outbox, erasure record), whatever field the data came in through.
 */
@QuarkusTest
class KolErasureLeavesNothingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<String> markers = new ArrayList<>();

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    /** A unique value for one field, remembered so the scan looks for it. */
    private String marker(String field) {
        String value = tag + field;
        markers.add(value);
        return value;
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        while (digits.length() < count) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        markers.add(digits.toString());
        return digits.toString();
    }

    @Test
    void shouldLeaveNoneOfTheKolsPersonalDataInAnyColumnOfAnyTableAfterErasure() throws Exception {
        String npi = Fixtures.npi();
        String orcid = Fixtures.orcid();
        markers.addAll(List.of(npi, orcid));
        String phone = "+49 30 " + digits(8);
        Map<String, Object> profile = new HashMap<>();
        String family = marker("family");
        profile.put("name", Map.of("prefix", marker("prefix"), "given", marker("given"), "family", family,
                "suffix", marker("suffix")));
        profile.put("contact", Map.of("email", marker("email") + "@example.org", "phone", phone,
                "address", Map.of("lines", List.of(marker("line1"), marker("line2")), "city", marker("city"),
                        "postalCode", marker("pc"), "region", marker("region"), "country", "DE")));
        profile.put("country", "DE");
        profile.put("tier", 2);
        profile.put("therapeuticAreas", List.of("ONCOLOGY"));
        profile.put("specialties", List.of(marker("specialty")));
        profile.put("researchInterests", List.of(marker("interest")));
        profile.put("researchTopics", List.of("car-t-persistence"));
        profile.put("currentProjects", List.of(marker("project")));
        profile.put("affiliations", List.of(Map.of("institution", marker("institution"), "role", marker("role"),
                "country", "DE")));
        profile.put("publications", List.of(Map.of("doi", "10.5555/" + marker("doi"), "title", marker("title"),
                "journal", marker("journal"), "year", 2024)));
        String trial = "NCT" + digits(8);
        profile.put("clinicalTrials", List.of(Map.of("registry", "NCT", "id", trial)));
        profile.put("identifiers", Map.of("npi", npi, "orcid", orcid, "external",
                List.of(Map.of("system", "veeva", "id", marker("crm")))));
        profile.put("preferences", Map.of("channels", List.of("EMAIL"), "meetingLengthMinutes", 30,
                "notes", marker("notes")));
        profile.put("conflictsOfInterest", List.of(Map.of("company", marker("company"), "kind", "CONSULTING")));

        // created by an import with an Idempotency-Key: its stored reply names the KOL
        String report = given().header("Authorization", INTEGRATION).header("Idempotency-Key", tag)
                .contentType("application/x-ndjson")
                .body((JSON.writeValueAsString(profile) + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/kols/import").then().statusCode(200).extract().asString();
        String id = JSON.readTree(report.lines().findFirst().orElseThrow()).path("kolId").asText();
        assertThat(id).isNotBlank();
        // a change, so the history holds old and new values, with a reason
        KolResourceTest.patch(ADMIN, id, "\"1\"", Map.of("preferences", Map.of("notes", marker("notes2"))))
                .then().statusCode(200);
        // the rights, each with its free text
        right(id, "objection", Map.of("requestedBy", marker("objBy"), "reason", marker("objReason")), true);
        right(id, "consents/EMAIL_CONTACT", Map.of("status", "GRANTED", "requestedBy", marker("consentBy"),
                "source", marker("source"), "evidenceReference", marker("evidence"), "reason", marker("consentReason")),
                false);
        right(id, "do-not-contact", Map.of("reason", marker("dncReason"), "requestedBy", marker("dncBy")), false);

        assertThat(columnsHolding()).as("the scan sees the data before the erasure")
                .contains("kol.profile", "audit_entry.changes", "kol_identifier.value");

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("reason", "Request REQ-" + tag + " from " + family + " (" + phone + ")"))
                .post("/api/v1/kols/" + id + "/erasure").then().statusCode(200);

        assertThat(columnsHolding()).as("columns holding any of %s", markers).isEmpty();
        assertThat(DevstackResource.sql("SELECT profile->>'researchTopics' FROM kol WHERE id = '" + id + "'"))
                .as("what the KOL worked on goes with them").isEqualTo("[]");
        assertThat(DevstackResource.sql("SELECT count(*) FROM idempotency_key WHERE body LIKE '%" + id + "%'"))
                .as("stored replies naming the KOL").isEqualTo("0");
        assertThat(DevstackResource.sql("SELECT reason FROM kol_erasure WHERE kol_id = '" + id + "'"))
                .as("the admin's reason stays, without the KOL's values")
                .isEqualTo("Request REQ-" + tag + " from [erased] ([erased])");
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/history").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(tag + "family")));
    }

    private static void right(String id, String path, Map<String, Object> body, boolean post) {
        var request = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body);
        (post ? request.post("/api/v1/kols/" + id + "/" + path) : request.put("/api/v1/kols/" + id + "/" + path))
                .then().statusCode(200);
    }

    /**
     * Every text, varchar, jsonb (and text array, tsvector) column of every table that holds one of the markers,
     * as table.column: one statement that counts the matches of each column through query_to_xml.
     */
    private String columnsHolding() {
        // the markers are letters and digits only: no regular-expression syntax to escape
        String pattern = String.join("|", markers);
        String sql = "SELECT coalesce(string_agg(c.table_name || '.' || c.column_name, ',' ORDER BY c.table_name, "
                + "c.column_name), '') FROM information_schema.columns c JOIN information_schema.tables t ON "
                + "t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
                + "WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND (c.data_type IN ('text', "
                + "'character varying', 'character', 'json', 'jsonb', 'tsvector', 'ARRAY')) AND (xpath('/row/n/text()', "
                + "query_to_xml(format('SELECT count(*) AS n FROM %I.%I WHERE %I::text ~* %L', c.table_schema, "
                + "c.table_name, c.column_name, '" + pattern.replace("'", "''") + "'), false, true, '')))[1]::text::int > 0";
        return DevstackResource.sql(sql);
    }
}
