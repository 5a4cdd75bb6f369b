package io.rapport.interaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.interaction.KolStates.State;
import io.rapport.testing.DevstackResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.testing.Tokens.INTEGRATION;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of new record about a KOL, against every rights state the KOL can be in, through the HTTP API: a KOL
 * who was erased, objected, asked not to be contacted or withdrew the consent a record needs gets no new records
 * (422 naming the rule), except what the law requires (a safety mention) or the KOL asked for (an unsolicited
 * question), which is kept with its legal basis, and for an erased KOL without the KOL's id.
 */
@QuarkusTest
class RightsRefusalTest {

    private static final String ADA_TOKEN = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    /** A kind of new record, and the legal basis it is kept under whatever the KOL's state (null: none). */
    enum Kind {
        PLANNED_INTERACTION(null, (kol, earlier) -> Fixtures.create(ADA_TOKEN, email(kol))),
        LOGGED_INTERACTION(null, (kol, earlier) -> Fixtures.create(ADA_TOKEN, logged(kol, false))),
        CRM_UPSERT(null, (kol, earlier) -> {
            Map<String, Object> body = email(kol);
            body.put("mslId", ADA);
            return given().header("Authorization", INTEGRATION).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/interactions/by-external-id/veeva/" + UUID.randomUUID());
        }),
        SAFETY_INTERACTION("LEGAL_OBLIGATION", (kol, earlier) -> Fixtures.create(ADA_TOKEN, logged(kol, true))),
        SOLICITED_REQUEST(null, (kol, earlier) -> request(kol, false, false)),
        KOL_REQUEST("KOL_REQUEST", (kol, earlier) -> request(kol, true, false)),
        SAFETY_REQUEST("LEGAL_OBLIGATION", (kol, earlier) -> request(kol, false, true)),
        FOLLOW_UP(null, (kol, earlier) -> FollowUpTest.followUp(ADA_TOKEN, earlier,
                Map.of("description", "Send the reprint", "dueDate", "2099-01-01")));

        final String exceptionBasis;
        final BiFunction<String, String, Response> make;

        Kind(String exceptionBasis, BiFunction<String, String, Response> make) {
            this.exceptionBasis = exceptionBasis;
            this.make = make;
        }

        /** Whether this kind needs the consent the EMAIL_CONSENT_WITHDRAWN state lacks (contacts by e-mail). */
        boolean byEmail() {
            return this != FOLLOW_UP;
        }
    }

    @Test
    void shouldRefuseEveryNewRecordAboutAKolWhoMayNotBeContactedExceptWhatTheLawOrTheKolRequires() {
        List<String> failures = new ArrayList<>();
        for (State state : State.values()) {
            KolStates.Kol kol = KolStates.in(state);
            for (Kind kind : Kind.values()) {
                String before = counts();
                Response response = kind.make.apply(kol.id(), kol.earlierInteraction());
                boolean refused = state != State.ACTIVE && kind.exceptionBasis == null
                        && (state != State.EMAIL_CONSENT_WITHDRAWN || kind.byEmail());
                String cell = kind + " x " + state + ": " + response.statusCode() + " " + response.asString();
                if (refused) {
                    if (response.statusCode() != 422 || !response.contentType().startsWith("application/problem+json")
                            || !response.jsonPath().getString("type").endsWith("/" + state.rule)) {
                        failures.add("expected 422 " + state.rule + ", got " + cell);
                    } else if (!before.equals(counts())) {
                        failures.add("a refusal wrote something: " + cell);
                    }
                    continue;
                }
                if (response.statusCode() != 201) {
                    failures.add("expected 201, got " + cell);
                    continue;
                }
                String basis = response.jsonPath().getString("legalBasis");
                String expected = kind.exceptionBasis != null ? kind.exceptionBasis
                        : state == State.EMAIL_CONSENT_WITHDRAWN ? "CONSENT" : "LEGITIMATE_INTEREST";
                if (!expected.equals(basis)) {
                    failures.add("expected legalBasis " + expected + ": " + cell);
                }
                String recordedKol = response.jsonPath().getString("kolId");
                if (state == State.ERASED == recordedKol.equals(kol.id())) {
                    failures.add((state == State.ERASED ? "an erased KOL's id was stored: " : "the KOL id changed: ")
                            + cell);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldKeepTheDrugSafetyFollowUpOfASafetyMentionAboutAnErasedKolWithoutTheKolsId() {
        KolStates.Kol kol = KolStates.in(State.ERASED);
        String pseudonym = Fixtures.create(ADA_TOKEN, logged(kol.id(), true)).then().statusCode(201)
                .extract().path("kolId");
        given().header("Authorization", ADA_TOKEN).queryParam("kolId", pseudonym).get("/api/v1/follow-ups").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].kind", org.hamcrest.Matchers.equalTo("SAFETY_REPORT"))
                .body("items[0].legalBasis", org.hamcrest.Matchers.equalTo("LEGAL_OBLIGATION"));
        assertThat(DevstackResource.sql("SELECT count(*) FROM follow_up WHERE kol_id = '" + kol.id()
                + "' AND kind = 'SAFETY_REPORT'")).isEqualTo("0");
    }

    @Test
    void shouldRefuseReplanningOrAmendingWhatWouldWriteAboutAnErasedKol() {
        KolStates.Kol kol = KolStates.in(State.ERASED);
        Fixtures.patch(ADA_TOKEN, kol.earlierInteraction(), "\"1\"", Map.of("objective", "A new objective after erasure"))
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/kol-erased"));
        Fixtures.action(ADA_TOKEN, kol.earlierInteraction(), "complete", "\"1\"", Fixtures.completion()).then()
                .statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/kol-erased"));
    }

    private static String counts() {
        return DevstackResource.sql("SELECT (SELECT count(*) FROM interaction) || '/' || (SELECT count(*) FROM follow_up)"
                + " || '/' || (SELECT count(*) FROM medical_request) || '/' || (SELECT count(*) FROM audit_entry)");
    }

    private static Map<String, Object> email(String kol) {
        Map<String, Object> body = Fixtures.planned(kol);
        body.put("channel", "EMAIL");
        return body;
    }

    private static Map<String, Object> logged(String kol, boolean safety) {
        Map<String, Object> body = email(kol);
        body.remove("plannedStart");
        body.putAll(Fixtures.completion());
        body.put("status", "COMPLETED");
        body.put("adverseEventMentioned", safety);
        return body;
    }

    private static Response request(String kol, boolean unsolicited, boolean adverseEvent) {
        Map<String, Object> body = new HashMap<>(MedicalRequestTest.request(kol));
        body.put("initiatedBy", unsolicited ? "KOL" : "MSL");
        body.put("unsolicited", unsolicited);
        body.put("adverseEventMentioned", adverseEvent);
        return given().header("Authorization", ADA_TOKEN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/medical-requests");
    }
}
