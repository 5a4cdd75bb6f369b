package io.rapport.insight;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.response.Response;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.draft;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every new record about a KOL who was erased, objected or withdrew the consent the record needs is refused
 * with a 422 naming the rule, for each kind of record this service writes; what the law requires anyway (an
 * adverse event heard, an answer to a question the KOL asked) is kept with its legal basis, and for an erased
 * KOL under the pseudonym instead of the KOL id.
 */
@QuarkusTest
class RightsTest {

    /** What an insight meets in each state: a contact restriction does not stop recording what was heard. */
    private static final Map<KolStates, String> INSIGHT = new EnumMap<>(Map.of(KolStates.ERASED, "kol-erased",
            KolStates.OBJECTED, "kol-objected", KolStates.CONSENT_WITHDRAWN, "consent-withdrawn"));
    /** What a share meets in each state: it is a contact, so do-not-contact refuses it too. */
    private static final Map<KolStates, String> SHARE = new EnumMap<>(Map.of(KolStates.ERASED, "kol-erased",
            KolStates.OBJECTED, "kol-objected", KolStates.CONSENT_WITHDRAWN, "consent-withdrawn",
            KolStates.DO_NOT_CONTACT, "do-not-contact"));

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @ParameterizedTest
    @EnumSource(KolStates.class)
    void shouldRefuseEveryNewRecordTheKolsRightsForbidAndKeepWhatTheLawRequires(KolStates state) {
        String kol = Fixtures.kol();
        String question = Fixtures.medicalRequest(kol, true);
        String earlierDraft = draft(msl(ADA), insight(kol)).then().statusCode(201).extract().path("id");
        String anonymous = draft(msl(ADA), insight(null)).then().statusCode(201).extract().path("id");
        String proactive = approvedResource(resource());
        Map<String, Object> letter = resource();
        letter.put("type", "RESPONSE_LETTER");
        letter.put("usage", "REACTIVE_ONLY");
        String reactive = approvedResource(letter);
        state.enter(kol);

        // An insight drafted about the KOL, or a draft given the KOL.
        expect(INSIGHT.get(state), "insight", () -> draft(msl(ADA), insight(kol)));
        expect(INSIGHT.get(state), "insight", () -> given().header("Authorization", msl(ADA)).header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json").body(Map.of("kolId", kol))
                .patch("/api/v1/insights/" + anonymous));
        // A draft written before: submitting it is new processing. After an erasure it no longer names the KOL.
        Supplier<Response> submit = () -> Fixtures.action(msl(ADA), earlierDraft, "submit", "\"1\"", null);
        if (state == KolStates.ERASED) {
            submit.get().then().statusCode(200).body("kolId", nullValue()).body("text", equalTo("[erased]"));
        } else {
            expect(INSIGHT.get(state), "insight", submit);
        }
        // Content shared with the KOL, on any channel.
        expect(SHARE.get(state), "share", () -> share(msl(ADA), shareOf(proactive, kol)));

        // Exceptions: an adverse event heard from the KOL must reach Drug Safety and be kept ...
        Map<String, Object> adverse = insight(kol);
        adverse.put("adverseEventMentioned", true);
        String kept = draft(msl(ADA), adverse).then().statusCode(201).body("legalBasis", equalTo("LEGAL_OBLIGATION"))
                .extract().path("kolId");
        // ... and the answer to the question the KOL asked is what they requested.
        Map<String, Object> answer = shareOf(reactive, kol);
        answer.put("medicalRequestId", question);
        String answered = share(msl(ADA), answer).then().statusCode(201)
                .body("legalBasis", equalTo("KOL_REQUEST")).extract().path("kolId");
        if (state == KolStates.ERASED) {
            // Without the erased KOL's id: under the pseudonym an erasure gives what the law holds.
            assertThat(kept).isNotNull().isNotEqualTo(kol).isEqualTo(answered);
            assertThat(DevstackResource.sql("SELECT count(*) FROM insight WHERE kol_id = '" + kol + "'")).isEqualTo("0");
            assertThat(DevstackResource.sql("SELECT count(*) FROM share WHERE kol_id = '" + kol + "'")).isEqualTo("0");
        } else {
            assertThat(kept).isEqualTo(kol);
            assertThat(answered).isEqualTo(kol);
        }
    }

    @Test
    void shouldRefuseEMailAndPhoneSharesWithoutTheChannelsConsent() {
        String resource = approvedResource(resource());
        Map<String, Object> byPhone = shareOf(resource, Fixtures.kol(Map.of("phoneAllowed", false)));
        byPhone.put("channel", "PHONE");
        share(msl(ADA), byPhone).then().statusCode(422).body("type", endsWith("/no-phone-consent"));
        byPhone.put("channel", "VIDEO");
        share(msl(ADA), byPhone).then().statusCode(201).body("legalBasis", nullValue());
    }

    @Test
    void shouldRecommendNothingToAKolWhoMayNotBeContacted() {
        approvedResource(resource());
        given().header("Authorization", ADMIN).get("/api/v1/kols/" + Fixtures.kol() + "/recommended-resources").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(0));
        for (KolStates state : KolStates.values()) {
            given().header("Authorization", ADMIN).get("/api/v1/kols/" + state.kol() + "/recommended-resources").then()
                    .statusCode(200).body("size()", equalTo(0));
        }
    }

    /** Created when the state allows it (null rule), otherwise 422 naming the rule and nothing written. */
    private static void expect(String rule, String table, Supplier<Response> call) {
        String state = table.equals("share") ? "SELECT count(*) FROM share"
                : "SELECT count(*) || '/' || max(updated_at) FROM insight";
        String before = DevstackResource.sql(state);
        Response response = call.get();
        if (rule == null) {
            assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
            return;
        }
        response.then().statusCode(422).contentType("application/problem+json").body("type", endsWith("/" + rule));
        assertThat(DevstackResource.sql(state)).as("nothing written").isEqualTo(before);
    }
}
