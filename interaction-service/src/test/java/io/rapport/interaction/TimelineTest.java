package io.rapport.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.rapport.interaction.Fixtures.ADA;
import static io.rapport.interaction.Fixtures.BOB;
import static io.rapport.interaction.Fixtures.OTTO;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/** A KOL's timeline: interactions, follow-ups and requests together, newest first. */
@QuarkusTest
class TimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String ada = msl(ADA);

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldShowEverythingAboutTheKolNewestFirstAndPaged() {
        String kol = Fixtures.kol();
        Map<String, Object> early = Fixtures.planned(kol);
        early.put("plannedStart", "2099-01-01T09:00:00Z");
        String meeting = Fixtures.create(ada, early).then().statusCode(201).extract().path("id");
        Map<String, Object> question = new HashMap<>(MedicalRequestTest.request(kol));
        String request = given().header("Authorization", ada).contentType("application/json").body(question)
                .post("/api/v1/medical-requests").then().statusCode(201).extract().path("id");
        String followUp = FollowUpTest.followUp(ada, meeting, Map.of("description", "d", "dueDate", "2099-02-01"))
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).get("/api/v1/kols/" + kol + "/timeline").then().statusCode(200)
                .body("items.type", contains("INTERACTION", "FOLLOW_UP", "MEDICAL_REQUEST"))
                .body("items.id", contains(meeting, followUp, request));
        String next = given().header("Authorization", ada).queryParam("limit", 2).get("/api/v1/kols/" + kol + "/timeline")
                .then().body("items.id", contains(meeting, followUp)).extract().path("nextCursor");
        given().header("Authorization", ada).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/kols/" + kol + "/timeline").then().body("items.id", contains(request));
        given().header("Authorization", msl(BOB)).get("/api/v1/kols/" + kol + "/timeline").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    /**
     * Ada's and Bob's teams met the same KOL, five times at the very same minute: whoever pages the timeline one
     * entry at a time gets every entry once, in the order of the whole list, and no cursor names (or holds
     * anything derived from) a record the caller may not open: a cursor holds times and counts only.
     */
    @Test
    void shouldPageTheTimelineOneByOneWithoutACursorNamingAnotherTeamsRecord() {
        KolStates.Kol kol = KolStates.in(KolStates.State.ACTIVE);
        Instant sameMinute = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        Instant earlier = sameMinute.minus(Duration.ofDays(2));
        List<String> adas = new ArrayList<>(List.of(kol.earlierInteraction()));
        List<String> bobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            adas.add(completed(ada, kol.id(), sameMinute));
        }
        adas.add(completed(ada, kol.id(), earlier));
        adas.add(FollowUpTest.followUp(ada, kol.earlierInteraction(), Map.of("description", "Send the reprint",
                "dueDate", "2099-01-01")).then().statusCode(201).extract().<String> path("id"));
        adas.add(given().header("Authorization", ada).contentType(ContentType.JSON)
                .body(MedicalRequestTest.request(kol.id())).post("/api/v1/medical-requests").then().statusCode(201)
                .extract().<String> path("id"));
        for (int i = 0; i < 2; i++) {
            bobs.add(completed(msl(BOB), kol.id(), sameMinute));
        }
        bobs.add(completed(msl(BOB), kol.id(), earlier.minus(Duration.ofMinutes(1))));
        bobs.add(Fixtures.interactionOf(msl(BOB), kol.id()));

        // who pages, and the records of the other team they may not open
        Map<String, List<String>> othersOf = new LinkedHashMap<>();
        othersOf.put(BOB, adas);
        othersOf.put(OTTO, adas);
        othersOf.put(ADA, bobs);
        othersOf.put("admin", List.of());
        Map<String, String> tokens = Map.of(ADA, ada, BOB, msl(BOB), OTTO, manager(OTTO), "admin", ADMIN);
        for (Map.Entry<String, List<String>> viewer : othersOf.entrySet()) {
            String token = tokens.get(viewer.getKey());
            List<Map<String, Object>> whole = page(token, kol.id(), 500, null).getList("items");
            assertThat(whole).as("the whole timeline as " + viewer.getKey())
                    .hasSize(viewer.getKey().equals("admin") ? adas.size() + bobs.size()
                            : viewer.getKey().equals(ADA) ? adas.size() + 3 : bobs.size() + 4);
            List<Map<String, Object>> oneByOne = new ArrayList<>();
            String cursor = null;
            do {
                JsonPath answer = page(token, kol.id(), 1, cursor);
                oneByOne.addAll(answer.getList("items"));
                cursor = answer.getString("nextCursor");
                if (cursor != null) {
                    List<String> values = decoded(cursor);
                    assertThat(viewer.getValue()).as("ids in the cursor " + values + " as " + viewer.getKey())
                            .noneMatch(id -> values.stream().anyMatch(v -> v.contains(id)));
                    assertThat(values).as("a cursor as " + viewer.getKey()).allMatch(v -> isInstant(v)
                            || v.matches("\\d{1,9}"));
                }
            } while (cursor != null && oneByOne.size() <= whole.size());
            assertThat(oneByOne).as("the timeline one entry at a time as " + viewer.getKey()).isEqualTo(whole);
        }
    }

    private static String completed(String token, String kol, Instant at) {
        Map<String, Object> done = Fixtures.planned(kol);
        done.remove("plannedStart");
        done.putAll(Fixtures.completion());
        done.put("status", "COMPLETED");
        done.put("occurredAt", at.toString());
        return Fixtures.create(token, done).then().statusCode(201).extract().path("id");
    }

    private static JsonPath page(String token, String kol, int limit, String cursor) {
        var request = given().header("Authorization", token).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/kols/" + kol + "/timeline").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> decoded(String cursor) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<List<String>>() {
            });
        } catch (java.io.IOException e) {
            throw new AssertionError("not a base64url JSON array: " + cursor, e);
        }
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
