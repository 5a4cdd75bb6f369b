package io.rapport.kol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSchemas;
import io.rapport.testing.ReceivedEvent;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.EmittedEvents.ofType;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The KOL's data-protection rights as state of their own: objection (Art. 21) and its withdrawal, consent per
 * purpose, do-not-contact, lawful basis and privacy notice, each filed only through its endpoint, by the people the
 * rule allows, audited with who asked and why, and published as contactability without the free text.
 */
@QuarkusTest
class KolRightsTest {

    private final String ada = msl("msl-rights-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldMakeAnObjectingKolUncontactableAuditWhoAskedAndTellTheOtherServices() {
        String id = Fixtures.kolOf(ada, "Objector");
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            rights(ada, "POST", id, "/objection", Map.of("receivedAt", "2026-12-01T09:00:00Z",
                    "requestedBy", "the KOL by e-mail", "reason", "Ticket DP-17")).then().statusCode(200)
                    .header("ETag", "\"2\"").body("contactability.contactable", equalTo(false))
                    .body("contactability.reason", equalTo("no-lawful-basis"))
                    .body("dataProtection.objectedAt", equalTo("2026-12-01T09:00:00Z"));
            ReceivedEvent event = events.await(ofType("rapport.kol.updated.v1", id));
            EventSchemas.assertValid(event);
            assertThat(event.data().path("contactability").path("contactable").asBoolean()).isFalse();
            assertThat(event.data().path("contactability").path("reason").asText()).isEqualTo("no-lawful-basis");
            assertThat(event.toString()).doesNotContain("Ticket DP-17", "the KOL by e-mail");
        }
        history(id).then().body("items[-1].action", equalTo("objected")).body("items[-1].actor", equalTo("msl-rights-ada"))
                .body("items[-1].onBehalfOf", equalTo("the KOL by e-mail")).body("items[-1].reason", equalTo("Ticket DP-17"))
                .body("items[-1].changes.find { it.field == 'rights.dataProtection.objectedAt' }.newValue",
                        equalTo("2026-12-01T09:00:00Z"));
        // the legal right needs no body and no If-Match; objecting again keeps the first date and the version
        given().header("Authorization", ada).contentType(ContentType.JSON).post("/api/v1/kols/" + id + "/objection")
                .then().statusCode(200)
                .body("dataProtection.objectedAt", equalTo("2026-12-01T09:00:00Z")).body("version", equalTo(2));
    }

    @Test
    void shouldMakeTheKolContactableAgainWhenTheObjectionIsWithdrawn() {
        String id = Fixtures.kolOf(ada, "Withdrawer");
        rights(ada, "POST", id, "/objection", Map.of()).then().statusCode(200);
        rights(ada, "DELETE", id, "/objection", Map.of("requestedBy", "the KOL by letter", "reason", "changed mind"))
                .then().statusCode(200).header("ETag", "\"3\"").body("contactability.contactable", equalTo(true))
                .body("dataProtection.objectedAt", nullValue());
        rights(ada, "DELETE", id, "/objection", Map.of("requestedBy", "the KOL by letter")).then().statusCode(200)
                .body("version", equalTo(3));
        history(id).then().body("items[-1].action", equalTo("objection-withdrawn"))
                .body("items[-1].onBehalfOf", equalTo("the KOL by letter"));
    }

    @Test
    void shouldForbidAChannelOnceItsConsentIsWithdrawnAndChangeNothingWhenTheSameConsentComesAgain() {
        String id = Fixtures.kolOf(ada, "Consenting");
        Map<String, Object> granted = Map.of("status", "GRANTED", "requestedBy", "CRM consent feed",
                "receivedAt", "2026-11-01T10:00:00Z", "source", "web form", "evidenceReference", "DOC-9");
        rights(INTEGRATION, "PUT", id, "/consents/EMAIL_CONTACT", granted).then().statusCode(200)
                .body("contactability.emailAllowed", equalTo(true))
                .body("dataProtection.consents.EMAIL_CONTACT.capturedAt", equalTo("2026-11-01T10:00:00Z"));
        rights(INTEGRATION, "PUT", id, "/consents/EMAIL_CONTACT", Map.of("status", "GRANTED", "requestedBy",
                "CRM consent feed", "source", "web form", "evidenceReference", "DOC-9")).then().statusCode(200)
                .body("version", equalTo(2)).body("dataProtection.consents.EMAIL_CONTACT.capturedAt",
                        equalTo("2026-11-01T10:00:00Z"));
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            rights(ada, "PUT", id, "/consents/EMAIL_CONTACT", Map.of("status", "WITHDRAWN", "requestedBy",
                    "the KOL by e-mail", "evidenceReference", "MAIL-2026-11-30")).then().statusCode(200)
                    .body("version", equalTo(3)).body("contactability.contactable", equalTo(true))
                    .body("contactability.emailAllowed", equalTo(false)).body("contactability.phoneAllowed", equalTo(true));
            ReceivedEvent event = events.await(ofType("rapport.kol.updated.v1", id));
            assertThat(event.data().path("contactability").path("consents").path("EMAIL_CONTACT").asText())
                    .isEqualTo("WITHDRAWN");
            assertThat(event.toString()).doesNotContain("MAIL-2026-11-30", "the KOL by e-mail");
        }
        history(id).then().body("items[-1].action", equalTo("consent-withdrawn"));
        rights(ada, "PUT", id, "/consents/ASTROLOGY", Map.of("status", "GRANTED", "requestedBy", "x"))
                .then().statusCode(404);
    }

    @Test
    void shouldSetAndClearDoNotContactKeepingItsReasonOutOfTheEvents() {
        String id = Fixtures.kolOf(ada, "Quiet");
        try (EmittedEvents events = EmittedEvents.on("rapport.kol.v1")) {
            rights(ada, "PUT", id, "/do-not-contact", Map.of("reason", "asked for no industry contact",
                    "requestedBy", "the KOL in a meeting")).then().statusCode(200)
                    .body("contactability.contactable", equalTo(false))
                    .body("contactability.reason", equalTo("do-not-contact"))
                    .body("doNotContact.active", equalTo(true))
                    .body("doNotContact.reason", equalTo("asked for no industry contact"));
            ReceivedEvent event = events.await(ofType("rapport.kol.updated.v1", id));
            assertThat(event.data().path("contactability").path("doNotContact").asBoolean()).isTrue();
            assertThat(event.toString()).doesNotContain("industry contact", "in a meeting");
        }
        rights(ada, "PUT", id, "/do-not-contact", Map.of("reason", "asked for no industry contact",
                "requestedBy", "the KOL in a meeting")).then().statusCode(200).body("version", equalTo(2));
        rights(ada, "DELETE", id, "/do-not-contact", Map.of("requestedBy", "the KOL by e-mail")).then().statusCode(200)
                .body("version", equalTo(3)).body("contactability.contactable", equalTo(true))
                .body("doNotContact.active", equalTo(false)).body("doNotContact.reason", nullValue());
        history(id).then().body("items[-2].action", equalTo("do-not-contact-set"))
                .body("items[-2].reason", equalTo("asked for no industry contact"))
                .body("items[-1].action", equalTo("do-not-contact-cleared"));
    }

    @Test
    void shouldRecordTheLawfulBasisAndThePrivacyNotice() {
        String id = Fixtures.kolOf(ada, "Noticed");
        rights(ada, "PUT", id, "/privacy-notice", Map.of("sentAt", "2026-10-01T08:00:00Z", "requestedBy",
                "Art. 14 mailing")).then().statusCode(200)
                .body("dataProtection.privacyNoticeSentAt", equalTo("2026-10-01T08:00:00Z"));
        rights(ada, "PUT", id, "/lawful-basis", Map.of("lawfulBasis", "CONSENT", "requestedBy", "DPO decision"))
                .then().statusCode(200).body("dataProtection.lawfulBasis", equalTo("CONSENT"))
                .body("contactability.contactable", equalTo(false));
        rights(ada, "PUT", id, "/consents/PROFILING", Map.of("status", "GRANTED", "requestedBy", "the KOL on a form"))
                .then().statusCode(200).body("contactability.contactable", equalTo(true)).body("version", equalTo(4));
        rights(ada, "PUT", id, "/lawful-basis", Map.of("lawfulBasis", "CONSENT", "requestedBy", "DPO decision"))
                .then().statusCode(200).body("version", equalTo(4));
    }

    @Test
    void shouldLetOnlyTheAssignedMslsTheirManagersAdminsAndIntegrationsFileRights() {
        String team = Fixtures.unique("team");
        String mine = Fixtures.unique("msl-mine");
        String other = Fixtures.unique("msl-other");
        String myManager = Fixtures.unique("mgr-mine");
        String otherManager = Fixtures.unique("mgr-other");
        Fixtures.directory(mine, team, myManager);
        Fixtures.directory(other, team + "-2", otherManager);
        String id = Fixtures.kolOf(msl(mine), "Guarded");
        Map<String, Object> dnc = Map.of("reason", "r", "requestedBy", "the KOL");
        for (String outsider : List.of(msl(other), manager(otherManager), manager(Fixtures.unique("mgr-nobody")))) {
            rights(outsider, "PUT", id, "/do-not-contact", dnc).then().statusCode(404)
                    .contentType("application/problem+json").body("type", endsWith("/not-found"));
            rights(outsider, "POST", id, "/objection", Map.of()).then().statusCode(404);
            rights(outsider, "PUT", id, "/consents/PROFILING", Map.of("status", "REFUSED", "requestedBy", "x"))
                    .then().statusCode(404);
        }
        rights(REPORTING, "POST", id, "/objection", Map.of()).then().statusCode(403);
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().body("version", equalTo(1));

        int version = 1;
        for (String allowed : List.of(msl(mine), manager(myManager), ADMIN, INTEGRATION)) {
            rights(allowed, "PUT", id, "/do-not-contact", Map.of("reason", "reason " + version, "requestedBy", "the KOL"))
                    .then().statusCode(200).body("version", equalTo(++version));
        }
        // a manager is the manager of the KOL's MSLs, not of the KOL: once reassigned away, the manager is out
        String etag = given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("msls", List.of(other))).put("/api/v1/kols/" + id + "/assignments").then().statusCode(200);
        rights(manager(myManager), "DELETE", id, "/do-not-contact", Map.of("requestedBy", "the KOL")).then().statusCode(404);
        rights(msl(mine), "DELETE", id, "/do-not-contact", Map.of("requestedBy", "the KOL")).then().statusCode(404);
        rights(manager(otherManager), "DELETE", id, "/do-not-contact", Map.of("requestedBy", "the KOL")).then()
                .statusCode(200).body("doNotContact.active", equalTo(false));
    }

    @Test
    void shouldRefuseIncompleteOrImpossibleRequestsAndUnknownOrErasedKols() {
        String id = Fixtures.kolOf(ada, "Careful");
        rights(ada, "PUT", id, "/do-not-contact", Map.of("reason", "r")).then().statusCode(400)
                .body("errors[0].field", equalTo("requestedBy"));
        rights(ada, "PUT", id, "/consents/PROFILING", Map.of("requestedBy", "x")).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        rights(ada, "DELETE", id, "/objection", Map.of("requestedBy", "the KOL\u001fby e-mail")).then().statusCode(400)
                .body("errors[0].field", equalTo("requestedBy"));
        rights(ada, "POST", id, "/objection", Map.of("receivedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .then().statusCode(400).body("errors[0].field", equalTo("receivedAt"));
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().body("version", equalTo(1));
        rights(ADMIN, "POST", UUID.randomUUID().toString(), "/objection", Map.of()).then().statusCode(404);

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Request REQ-9"))
                .post("/api/v1/kols/" + id + "/erasure").then().statusCode(200);
        rights(ADMIN, "PUT", id, "/consents/PROFILING", Map.of("status", "GRANTED", "requestedBy", "x")).then()
                .statusCode(409).body("type", endsWith("/kol-erased"));
        rights(ADMIN, "POST", id, "/objection", Map.of()).then().statusCode(200);
    }

    @Test
    void shouldKeepAnObjectionThroughACrmResyncThatLeavesItOutAndRefuseOneThatCarriesIt() {
        String crmId = UUID.randomUUID().toString();
        Map<String, Object> profile = profile("Resynced");
        String id = KolUpsertTest.upsert("veeva", crmId, profile).then().statusCode(201).extract().path("id");
        rights(INTEGRATION, "POST", id, "/objection", Map.of("requestedBy", "CRM consent feed")).then().statusCode(200);
        profile.put("tier", 1);
        KolUpsertTest.upsert("veeva", crmId, profile).then().statusCode(200).header("Upsert-Outcome", "updated")
                .body("tier", equalTo(1)).body("contactability.contactable", equalTo(false))
                .body("dataProtection.objectedAt", org.hamcrest.Matchers.notNullValue());
        profile.put("dataProtection", null);
        KolUpsertTest.upsert("veeva", crmId, profile).then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/rights-not-in-profile")).body("errors[0].field", equalTo("dataProtection"))
                .body("detail", containsString("/api/v1/kols/{id}/objection"));
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + id).then().body("version", equalTo(3))
                .body("contactability.contactable", equalTo(false));
    }

    static Response rights(String token, String method, String id, String path, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .request(method, "/api/v1/kols/" + id + path);
    }

    private static Response history(String id) {
        return given().header("Authorization", ADMIN).queryParam("limit", 100).get("/api/v1/kols/" + id + "/history");
    }
}
