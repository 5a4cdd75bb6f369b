package io.rapport.kol;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.restassured.response.Response;

import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /kols/import: streamed NDJSON or CSV, a report line per row. */
@QuarkusTest
class KolImportTest {

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldImportTheValidRowsOfACsvAndReportTheOthers() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "externalSystem,externalId,npi,prefix,given,family,country,tier,therapeuticAreas,channels,researchInterests\n"
                + "crm," + run + "-1," + Fixtures.npi() + ",Dr.,Marie,\"Curie, " + run
                + "\",FR,1,ONCOLOGY,VIDEO;PHONE,\"Radio\nchemistry\"\n"
                + "crm," + run + "-2,,,John,Smith,US,7,ONCOLOGY,,\n"
                + "crm," + run + "-3,,,Jane,Doe,DE,2,ASTROLOGY,,\n"
                + "crm," + run + "-4,1234567890,,Bad,Npi,DE,2,,,\n"
                + "crm," + run + "-5,,,,,DE,2,,,\n"
                + "crm," + run + "-6,,\"Prof.\",Ada,\"Quote \"\"the\"\" " + run + "\",GB,3,CARDIOLOGY,IN_PERSON,\n";
        List<Map<String, Object>> report = rows(importing("text/csv", csv, null));
        assertThat(report).extracting(r -> r.get("outcome"))
                .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "CREATED");
        assertThat(errorFields(report.get(1))).containsExactly("tier");
        assertThat(errorFields(report.get(2))).containsExactly("therapeuticAreas[0]");
        assertThat(errorFields(report.get(3))).containsExactly("identifiers.npi");
        assertThat(errorFields(report.get(4))).containsExactly("name.family");
        given().header("Authorization", INTEGRATION).get("/api/v1/kols/" + report.get(0).get("kolId")).then()
                .statusCode(200).body("name.family", equalTo("Curie, " + run))
                .body("researchInterests[0]", equalTo("Radio\nchemistry"))
                .body("preferences.channels", equalTo(List.of("VIDEO", "PHONE")))
                .body("identifiers.external[0].id", equalTo(run + "-1"));
        given().header("Authorization", INTEGRATION).get("/api/v1/kols/" + report.get(5).get("kolId")).then()
                .body("name.family", equalTo("Quote \"the\" " + run));
    }

    @Test
    void shouldReportUnreadableNdjsonLinesAndUpsertByExternalIdThenNpi() {
        String npi = Fixtures.npi();
        String existing = Fixtures.create(msl("msl-ada"), Map.of("name", Map.of("family", "ByNpi"),
                "identifiers", Map.of("npi", npi, "external", List.of(Map.of("system", "veeva", "id", "V-" + npi)))))
                .then().statusCode(201).extract().path("id");
        String crmId = UUID.randomUUID().toString();
        String ndjson = "{\"name\":{\"family\":\"Fresh\"},\"identifiers\":{\"external\":[{\"system\":\"crm\",\"id\":\"" + crmId
                + "\"}]}}\n"
                + "{not json\n"
                + "\n"
                + "{\"name\":{\"family\":\"Renamed\"},\"tier\":1,\"identifiers\":{\"npi\":\"" + npi + "\"}}\n"
                + "{\"name\":{\"family\":\"Twin\"},\"identifiers\":{\"npi\":\"" + npi + "\"}}\n"
                + "{\"name\":{\"family\":\"Extra\"},\"shoeSize\":44}";
        List<Map<String, Object>> report = rows(importing("application/x-ndjson", ndjson, null));
        assertThat(report).extracting(r -> r.get("outcome"))
                .containsExactly("CREATED", "REJECTED", "UPDATED", "REJECTED", "REJECTED");
        assertThat(report).extracting(r -> r.get("row")).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.get(2).get("kolId")).isEqualTo(existing);
        assertThat(errorFields(report.get(3)).get(0)).isEqualTo("identifiers");
        assertThat(errorFields(report.get(4))).containsExactly("shoeSize");
        given().header("Authorization", INTEGRATION).get("/api/v1/kols/" + existing).then().statusCode(200)
                .body("name.family", equalTo("Renamed")).body("tier", equalTo(1))
                .body("identifiers.external.id", hasItem("V-" + npi));
        String again = "{\"name\":{\"family\":\"Fresh\"},\"tier\":4,\"identifiers\":{\"external\":[{\"system\":\"crm\",\"id\":\""
                + crmId + "\"}]}}";
        assertThat(rows(importing("application/x-ndjson", again, null)).get(0))
                .containsEntry("outcome", "UPDATED").containsEntry("kolId", report.get(0).get("kolId"));
    }

    @Test
    void shouldPublishAnEventPerImportedKol() {
        String crmId = UUID.randomUUID().toString();
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            String id = (String) rows(importing("application/x-ndjson", "{\"name\":{\"family\":\"Evented\"},"
                    + "\"identifiers\":{\"external\":[{\"system\":\"crm\",\"id\":\"" + crmId + "\"}]}}", null))
                    .get(0).get("kolId");
            io.rapport.testing.EventSchemas.assertValid(events.await(ofType("rapport.kol.created.v1", id)));
        }
    }

    @Test
    void shouldReplayTheFirstReportForTheSameKeyAndFileAndRefuseAnotherFile() {
        String key = UUID.randomUUID().toString();
        String family = Fixtures.unique("Once");
        String ndjson = "{\"name\":{\"family\":\"" + family + "\"}}\n{\"name\":{\"family\":\"" + family + "\"}}\n";
        String first = importing("application/x-ndjson", ndjson, key).then().statusCode(200).extract().asString();
        String second = importing("application/x-ndjson", ndjson, key).then().statusCode(200).extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(DevstackResource.sql("SELECT count(*) FROM kol WHERE search_names LIKE '%" + family + "%'")).isEqualTo("2");
        importing("application/x-ndjson", ndjson + "{\"name\":{\"family\":\"x\"}}", key).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
    }

    @Test
    void shouldRefuseWrongRolesTypesAndSizes() {
        given().header("Authorization", msl("msl-ada")).contentType("text/csv").body("family\nX\n")
                .post("/api/v1/kols/import").then().statusCode(403);
        given().header("Authorization", INTEGRATION).contentType("application/json").body("{}")
                .post("/api/v1/kols/import").then().statusCode(415);
        given().header("Authorization", INTEGRATION).contentType("text/csv").body("family,favourite\nX,Y\n")
                .post("/api/v1/kols/import").then().statusCode(400).body("errors[0].field", equalTo("header"));
        // 2,100 rows of 1 kB: over the 2 MiB test limit, each row refused (a family name has at most 100 chars)
        String big = "family\n" + ("x".repeat(1000) + "\n").repeat(2_100);
        given().header("Authorization", INTEGRATION).contentType("text/csv").body(big).post("/api/v1/kols/import")
                .then().statusCode(413).contentType("application/problem+json");
        Response chunked = given().header("Authorization", INTEGRATION).contentType("text/csv")
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))).post("/api/v1/kols/import");
        List<Map<String, Object>> report = rows(chunked);
        assertThat(report.get(report.size() - 1)).containsEntry("outcome", "ABORTED");
    }

    @Test
    void shouldRejectARowOverTheRowLimitInTheReportAndGoOnWithTheNextRows() {
        String family = Fixtures.unique("Limited");
        String huge = "x".repeat(300_000);
        String ndjson = "{\"name\":{\"family\":\"" + family + "\"}}\n"
                + "{\"name\":{\"family\":\"" + huge + "\"}}\n"
                + "{\"name\":{\"family\":\"" + family + "\"}}\n";
        List<Map<String, Object>> report = rows(importing("application/x-ndjson", ndjson, null));
        assertThat(report).extracting(r -> r.get("outcome")).containsExactly("CREATED", "REJECTED", "CREATED");
        assertThat(errorFields(report.get(1))).containsExactly("row");
        assertThat(report.get(1).toString()).contains("longer than 262144 bytes");

        // CSV: the long row is a quoted field with commas and newlines; where it ends is still found
        String csv = "family,country\n" + family + ",DE\n\"" + (huge + ",\n").repeat(2) + "\",DE\n" + family + ",FR\n";
        report = rows(importing("text/csv", csv, null));
        assertThat(report).extracting(r -> r.get("outcome")).containsExactly("CREATED", "REJECTED", "CREATED");
        assertThat(report).extracting(r -> r.get("row")).containsExactly(1, 2, 3);

        // a body without a newline is one long row: rejected, not held whole, not a 500
        report = rows(importing("application/x-ndjson", "{\"name\":\"" + "y".repeat(1_500_000), null));
        assertThat(report).extracting(r -> r.get("outcome")).containsExactly("REJECTED");
        assertThat(DevstackResource.sql("SELECT count(*) FROM kol WHERE search_names LIKE '%" + family + "%'")).isEqualTo("4");
    }

    @Test
    void shouldRefuseTheRightsInAnImportRowOrCsvColumnNamingTheRightsEndpoint() {
        given().header("Authorization", INTEGRATION).contentType("text/csv").body("family,lawfulBasis\nX,CONSENT\n")
                .post("/api/v1/kols/import").then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/rights-not-in-profile"))
                .body("errors[0].field", equalTo("lawfulBasis"))
                .body("detail", org.hamcrest.Matchers.containsString("PUT /api/v1/kols/{id}/lawful-basis"));
        String ndjson = "{\"name\":{\"family\":\"Rightful\"},\"doNotContact\":null}\n"
                + "{\"name\":{\"family\":\"Rightful\"},\"dataProtection\":{\"lawfulBasis\":\"CONSENT\"}}\n"
                + "null\n[]\n";
        List<Map<String, Object>> report = rows(importing("application/x-ndjson", ndjson, null));
        assertThat(report).extracting(r -> r.get("outcome")).containsExactly("REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(errorFields(report.get(0))).containsExactly("doNotContact");
        assertThat(errorFields(report.get(1))).containsExactly("dataProtection");
        assertThat(report.get(1).toString()).contains("/api/v1/kols/{id}/consents/{purpose}");
        assertThat(errorFields(report.get(2))).containsExactly("row");
    }

    @Test
    void shouldImportResearchTopicsFromCsvAndNdjsonAndRejectRowsNamingAnUnknownTopic() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "externalSystem,externalId,family,therapeuticAreas,researchTopics,researchInterests\n"
                + "crm," + run + "-t1,Topical " + run + ",ONCOLOGY,immunotherapy-resistance;car-t-persistence,Free text\n"
                + "crm," + run + "-t2,Unknown " + run + ",ONCOLOGY,car-t-persistence;astrology,\n"
                + "crm," + run + "-t3,Shouting " + run + ",ONCOLOGY,IMMUNOTHERAPY,\n";
        List<Map<String, Object>> report = rows(importing("text/csv", csv, null));
        assertThat(report).extracting(r -> r.get("outcome")).containsExactly("CREATED", "REJECTED", "REJECTED");
        assertThat(errorFields(report.get(1))).containsExactly("researchTopics[1]");
        assertThat(errorFields(report.get(2))).containsExactly("researchTopics[0]");
        given().header("Authorization", INTEGRATION).get("/api/v1/kols/" + report.get(0).get("kolId")).then()
                .statusCode(200).body("researchTopics", equalTo(List.of("immunotherapy-resistance", "car-t-persistence")))
                .body("researchInterests", equalTo(List.of("Free text")));

        String ndjson = "{\"name\":{\"family\":\"Nd " + run + "\"},\"researchTopics\":[\"car-t-persistence\"]}\n"
                + "{\"name\":{\"family\":\"Nd " + run + "\"},\"therapeuticAreas\":[\"ASTROLOGY\"],"
                + "\"researchTopics\":[\"car-t-persistence\",\"no-such-topic\"]}\n";
        List<Map<String, Object>> lines = rows(importing("application/x-ndjson", ndjson, null));
        assertThat(lines).extracting(r -> r.get("outcome")).containsExactly("CREATED", "REJECTED");
        assertThat(errorFields(lines.get(1))).containsExactly("therapeuticAreas[0]", "researchTopics[1]");
        given().header("Authorization", INTEGRATION).get("/api/v1/kols/" + lines.get(0).get("kolId")).then()
                .statusCode(200).body("researchTopics", equalTo(List.of("car-t-persistence")));
    }

    private static Response importing(String type, String body, String key) {
        var request = given().header("Authorization", INTEGRATION).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/kols/import");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Response response) {
        response.then().statusCode(200).contentType("application/x-ndjson");
        return response.asString().lines().filter(l -> !l.isBlank())
                .map(l -> (Map<String, Object>) (Map<?, ?>) io.restassured.path.json.JsonPath.from(l).getMap(""))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
