package io.rapport.drills;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.launcher.Service;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records are visible to their MSL and that MSL's manager only: another MSL, or the manager of another team,
 * reading or changing one by id gets 404 (its existence is not disclosed) and changes nothing.
 */
class ObjectLevelTest {

    static Stack stack;
    static String mslA;
    static String managerA;
    static String mslB;
    static String managerB;
    static String interaction;
    static String followUp;
    static String medicalRequest;
    static String draft;

    @BeforeAll
    static void mslARecordsTheirWork() {
        stack = Stack.get();
        mslA = stack.token(Stack.MSL_A, "msl");
        managerA = stack.token(Stack.MANAGER_A, "medical-manager");
        mslB = stack.token(Stack.MSL_B, "msl");
        managerB = stack.token(Stack.MANAGER_B, "medical-manager");
        String kol = stack.newKol(Stack.MSL_A, Stack.MSL_B);
        String interactions = stack.url(Service.INTERACTION);
        interaction = Stack.as(mslA).body(Stack.plannedMeeting(kol)).post(interactions + "/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        followUp = Stack.as(mslA).body(Map.of("description", "Send the poster", "dueDate",
                LocalDate.now().plusDays(7).toString())).post(interactions + "/api/v1/interactions/" + interaction
                + "/follow-ups").then().statusCode(201).extract().path("id");
        medicalRequest = Stack.as(mslA).body(Map.of("kolId", kol, "question", "What is the evidence in the elderly?",
                "initiatedBy", "KOL", "therapeuticArea", Stack.AREA, "offLabel", false, "unsolicited", true,
                "responseChannel", "EMAIL", "adverseEventMentioned", false)).post(interactions + "/api/v1/medical-requests").then().statusCode(201)
                .extract().path("id");
        draft = Stack.as(mslA).body(Map.of("kolId", kol, "therapeuticArea", Stack.AREA, "category", "UNMET_NEED",
                "title", "Testing before first line", "text", "Elderly patients are rarely tested before first line.",
                "tags", List.of("elderly-patients"), "adverseEventMentioned", false))
                .post(stack.url(Service.INSIGHT) + "/api/v1/insights").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldShowTheRecordsToTheirMslAndTheirManager() {
        for (String token : List.of(mslA, managerA)) {
            for (String url : List.of(interactionUrl(), followUpUrl(), requestUrl())) {
                given().header("Authorization", token).get(url).then().statusCode(200);
            }
        }
        given().header("Authorization", mslA).get(draftUrl()).then().statusCode(200);
    }

    @Test
    void shouldHideAnotherMslsRecordsAs404() {
        for (String intruder : List.of(mslB, managerB)) {
            for (String url : List.of(interactionUrl(), followUpUrl(), requestUrl(), draftUrl(),
                    interactionUrl() + "/history", requestUrl() + "/history", draftUrl() + "/history")) {
                assertHidden(() -> given().header("Authorization", intruder).get(url));
            }
        }
    }

    @Test
    void shouldRefuseAnotherMslsChangesAs404AndKeepTheRecords() {
        for (String intruder : List.of(mslB, managerB)) {
            assertHidden(() -> Stack.as(intruder).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("objective", "Taken over by someone else entirely")).patch(interactionUrl()));
            assertHidden(() -> Stack.as(intruder).header("If-Match", "\"1\"").body(Map.of("reason", "not mine"))
                    .post(interactionUrl() + "/cancel"));
            assertHidden(() -> Stack.as(intruder).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("status", "DONE")).patch(followUpUrl()));
            assertHidden(() -> Stack.as(intruder).header("If-Match", "\"1\"").body(Map.of("answer", "Not my answer"))
                    .post(requestUrl() + "/answer"));
            assertHidden(() -> Stack.as(intruder).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("title", "Not my insight")).patch(draftUrl()));
            assertHidden(() -> Stack.as(intruder).header("If-Match", "\"1\"").post(draftUrl() + "/submit"));
        }
        given().header("Authorization", mslA).get(interactionUrl()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PLANNED")).header("ETag", "\"1\"");
        given().header("Authorization", mslA).get(followUpUrl()).then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", mslA).get(requestUrl()).then().statusCode(200).header("ETag", "\"1\"");
        given().header("Authorization", mslA).get(draftUrl()).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    }

    @Test
    void shouldLeaveAnotherMslsRecordsOutOfLists() {
        for (String[] list : new String[][] {{stack.url(Service.INTERACTION) + "/api/v1/interactions", interaction},
                {stack.url(Service.INTERACTION) + "/api/v1/follow-ups", followUp},
                {stack.url(Service.INTERACTION) + "/api/v1/medical-requests", medicalRequest},
                {stack.url(Service.INSIGHT) + "/api/v1/insights", draft}}) {
            assertThat(given().header("Authorization", mslA).get(list[0]).then().statusCode(200).extract().asString())
                    .contains(list[1]);
            for (String intruder : List.of(mslB, managerB)) {
                assertThat(given().header("Authorization", intruder).get(list[0]).then().statusCode(200).extract()
                        .asString()).doesNotContain(list[1]);
            }
        }
    }

    private static void assertHidden(Supplier<Response> call) {
        Response response = call.get();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static String interactionUrl() {
        return stack.url(Service.INTERACTION) + "/api/v1/interactions/" + interaction;
    }

    private static String followUpUrl() {
        return stack.url(Service.INTERACTION) + "/api/v1/follow-ups/" + followUp;
    }

    private static String requestUrl() {
        return stack.url(Service.INTERACTION) + "/api/v1/medical-requests/" + medicalRequest;
    }

    private static String draftUrl() {
        return stack.url(Service.INSIGHT) + "/api/v1/insights/" + draft;
    }
}
