package io.rapport.insight;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.BEA;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.draftResource;
import static io.rapport.insight.Fixtures.kol;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.resourceAction;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Only approved, current content reaches a KOL who may be contacted; every share is recorded, every refusal named. */
@QuarkusTest
class ShareTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldRecordAShareOfApprovedContentAndListItForTheKol() {
        String kol = kol();
        String resource = approvedResource(resource());
        String interaction = Fixtures.interaction(kol, ADA, "oncology-north");
        Map<String, Object> body = shareOf(resource, kol);
        body.put("interactionId", interaction);
        String id = share(msl(ADA), body).then().statusCode(201).body("mslId", equalTo(ADA))
                .body("team", equalTo("oncology-north")).body("interactionId", equalTo(interaction)).extract().path("id");
        given().header("Authorization", REPORTING).get("/api/v1/kols/" + kol + "/shares").then().statusCode(200)
                .body("items.id", contains(id)).body("items.resourceId", contains(resource));
    }

    @Test
    void shouldRefuseContentThatIsNotApprovedNow() {
        String kol = kol();
        refused(shareOf(UUID.randomUUID().toString(), kol), "unknown-resource");
        refused(shareOf(draftResource(resource()), kol), "resource-not-approved");
        String withdrawn = approvedResource(resource());
        resourceAction(withdrawn, "withdraw", "\"2\"", Map.of("reason", "Superseded")).then().statusCode(200);
        refused(shareOf(withdrawn, kol), "resource-withdrawn");
        String expired = approvedResource(resource());
        // Its approval ran out yesterday.
        DevstackResource.sql("UPDATE resource SET expires_at = now() - interval '1 day' WHERE id = '" + expired + "'");
        refused(shareOf(expired, kol), "resource-expired");
    }

    @Test
    void shouldRefuseContentNotApprovedInTheKolsCountry() {
        String french = kol(Map.of("country", "FR"));
        String swiss = kol(Map.of("country", "CH"));
        Map<String, Object> germanOnly = resource();
        germanOnly.put("markets", List.of("DE"));
        String resource = approvedResource(germanOnly);
        refused(shareOf(resource, french), "market-not-approved");
        refused(shareOf(approvedResource(resource()), swiss), "market-not-approved");
        share(msl(ADA), shareOf(approvedResource(resource()), french)).then().statusCode(201);
    }

    @Test
    void shouldRefuseKolsWhoMayNotBeContacted() {
        String resource = approvedResource(resource());
        refused(shareOf(resource, kol(Map.of("status", "INACTIVE", "contactable", false, "reason", "kol-not-active"))),
                "kol-not-active");
        refused(shareOf(resource, kol(Map.of("contactable", false, "reason", "do-not-contact", "doNotContact", true))),
                "do-not-contact");
        // An objection under GDPR Art. 21 leaves no lawful basis to contact the KOL.
        refused(shareOf(resource, kol(Map.of("contactable", false, "reason", "no-lawful-basis"))), "no-lawful-basis");
        Map<String, Object> byEmail = shareOf(resource, kol(Map.of("emailAllowed", false)));
        byEmail.put("channel", "EMAIL");
        refused(byEmail, "no-email-consent");
        byEmail.put("channel", "IN_PERSON");
        share(msl(ADA), byEmail).then().statusCode(201);
    }

    @Test
    void shouldShareReactiveOnlyContentOnlyInAnswerToTheKolsUnsolicitedRequest() {
        String kol = kol();
        Map<String, Object> letter = resource();
        letter.put("type", "RESPONSE_LETTER");
        letter.put("usage", "REACTIVE_ONLY");
        String resource = approvedResource(letter);
        refused(shareOf(resource, kol), "reactive-only");
        Map<String, Object> solicited = shareOf(resource, kol);
        solicited.put("medicalRequestId", Fixtures.medicalRequest(kol, false));
        refused(solicited, "reactive-only");
        Map<String, Object> otherKols = shareOf(resource, kol);
        otherKols.put("medicalRequestId", Fixtures.medicalRequest(kol(), true));
        refused(otherKols, "reactive-only");
        Map<String, Object> answer = shareOf(resource, kol);
        answer.put("medicalRequestId", Fixtures.medicalRequest(kol, true));
        answer.put("channel", "EMAIL");
        share(msl(ADA), answer).then().statusCode(201).body("medicalRequestId", equalTo(answer.get("medicalRequestId")));
    }

    @Test
    void shouldRecordSharesOnlyForTheSharerUnlessAnIntegrationNamesTheMsl() {
        String kol = kol();
        String resource = approvedResource(resource());
        Map<String, Object> forBea = shareOf(resource, kol);
        forBea.put("mslId", BEA);
        share(msl(ADA), forBea).then().statusCode(403);
        share(INTEGRATION, shareOf(resource, kol)).then().statusCode(400);
        share(INTEGRATION, forBea).then().statusCode(201).body("mslId", equalTo(BEA)).body("team", equalTo("oncology-north"));
        share(REPORTING, shareOf(resource, kol)).then().statusCode(403);
    }

    private static void refused(Map<String, Object> body, String rule) {
        String before = DevstackResource.sql("SELECT count(*) FROM share");
        share(msl(ADA), body).then().statusCode(422).body("type", endsWith("/" + rule));
        assertThat(DevstackResource.sql("SELECT count(*) FROM share")).isEqualTo(before);
    }
}
