package io.rapport.kol;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;

import static io.rapport.kol.Fixtures.create;
import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** The KOL's GDPR right to erasure (Art. 17); access (Art. 15) is KolPersonalDataTest. */
@QuarkusTest
class KolPrivacyTest {

    private final String ada = msl("msl-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldEraseAKolsPersonalDataEverywhereButKeepItsAggregates() {
        String npi = Fixtures.npi();
        String orcid = Fixtures.orcid();
        String crmId = UUID.randomUUID().toString();
        String family = Fixtures.unique("Erasable");
        Map<String, Object> profile = profile(family);
        profile.put("identifiers", Map.of("npi", npi, "orcid", orcid, "external",
                List.of(Map.of("system", "veeva", "id", crmId))));
        profile.put("contact", Map.of("email", "erase.me@example.org"));
        profile.put("researchInterests", List.of("private interest"));
        String id = create(ada, profile).then().statusCode(201).extract().path("id");
        KolResourceTest.patch(ada, id, "\"1\"", Map.of("contact", Map.of("phone", "+49 30 999"))).then().statusCode(200);

        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Request REQ-42"))
                    .post("/api/v1/kols/" + id + "/erasure").then().statusCode(200).body("status", equalTo("ERASED"))
                    .body("name.family", equalTo("[erased]")).body("identifiers.external", empty())
                    .body("therapeuticAreas[0]", equalTo("ONCOLOGY")).body("tier", equalTo(2));
            ReceivedEvent erased = events.await(ofType("rapport.kol.erased.v1", id));
            EventSchemas.assertValid(erased);
        }
        String row = DevstackResource.sql("SELECT profile::text || coalesce(search_names, '') || coalesce(search_terms, '') "
                + "FROM kol WHERE id = '" + id + "'");
        assertThat(row).doesNotContain(family, npi, orcid, crmId, "erase.me@example.org", "private interest");
        String history = DevstackResource.sql("SELECT string_agg(changes::text, ' ') FROM audit_entry WHERE aggregate_id = '"
                + id + "'");
        assertThat(history).doesNotContain(family, npi, orcid, crmId, "erase.me", "+49 30 999", "private interest")
                .contains("[erased]");
        assertThat(DevstackResource.sql("SELECT count(*) FROM kol_identifier WHERE kol_id = '" + id + "'")).isEqualTo("0");
        given().header("Authorization", ADMIN).queryParam("q", family).get("/api/v1/kols").then().body("items", empty());
        given().header("Authorization", ada).get("/api/v1/kols/" + id).then().statusCode(404);
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().statusCode(200)
                .body("status", equalTo("ERASED"));
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id + "/history").then().statusCode(200)
                .body("items[-1].action", equalTo("erased")).body("items[-1].reason", equalTo("Request REQ-42"));

        Map<String, Object> again = profile("Again");
        again.put("identifiers", Map.of("npi", npi));
        create(ada, again).then().statusCode(409).body("type", endsWith("/kol-erased"));
        KolUpsertTest.upsert("veeva", crmId, profile("Again")).then().statusCode(409).body("type", endsWith("/kol-erased"));
        Map<String, Object> byOrcid = profile("Again");
        byOrcid.put("identifiers", Map.of("orcid", orcid));
        given().header("Authorization", INTEGRATION).contentType(ContentType.JSON).body(byOrcid).post("/api/v1/kols")
                .then().statusCode(409);
        KolResourceTest.patch(ADMIN, id, "\"4\"", Map.of("tier", 1)).then().statusCode(409)
                .body("type", endsWith("/kol-erased"));
    }

    @Test
    void shouldLetOnlyAdminsErase() {
        String id = Fixtures.kolOf(ada, "Protected");
        given().header("Authorization", Tokens.manager("mgr-1")).contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).post("/api/v1/kols/" + id + "/erasure").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/kols/" + id + "/erasure").then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }
}
