package io.rapport.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.path.json.JsonPath;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.BEA;
import static io.rapport.insight.Fixtures.CARL;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.draft;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

/** Finding insights: ranked full-text search where endorsements lift strong signals, filters, paging, themes. */
@QuarkusTest
class InsightSearchTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldRankByRelevanceAndLetEndorsementsLiftAStrongSignal() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String inTitle = submitted(msl(ADA), about(word + " resistance in the title", "Nothing more to say."));
        String heardOnce = submitted(msl(ADA), about("A remark", "Heard about " + word + " resistance in passing."));
        String heardOften = submitted(msl(ADA), about("Another remark", "Heard about " + word + " resistance twice."));
        String unrelated = submitted(msl(ADA), about("Dosing schedules", "The KOL prefers weekly dosing."));
        List<String> ranked = search(msl(ADA), Map.of("q", word)).getList("items.id");
        assertThat(ranked).hasSize(3).startsWith(inTitle).contains(heardOnce, heardOften).doesNotContain(unrelated);

        // Two more MSLs heard the same: that signal now ranks above the equally worded one.
        action(msl(BEA), heardOften, "endorse", null, null).then().statusCode(200);
        action(manager(GRACE), heardOften, "endorse", null, null).then().statusCode(200);
        assertThat(search(msl(ADA), Map.of("q", word)).getList("items.id", String.class))
                .containsExactly(inTitle, heardOften, heardOnce);
        assertThat(search(msl(ADA), Map.of("q", word)).getList("items.endorsements", Integer.class))
                .containsExactly(0, 2, 0);
    }

    @Test
    void shouldFilterByStatusCategoryTagAuthorKolAndPeriod() {
        String kol = Fixtures.kol();
        String tag = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = insight(kol);
        body.put("tags", List.of(tag));
        body.put("category", "TRIAL_FEEDBACK");
        String ada = submitted(msl(ADA), body);
        String bea = submitted(msl(BEA), body);
        action(manager(GRACE), bea, "validate", "\"2\"", null).then().statusCode(200);
        Map<String, Object> other = insight(kol);
        other.put("tags", List.of(tag));
        String draftOfAda = draft(msl(ADA), other).then().statusCode(201).extract().path("id");

        given().header("Authorization", manager(GRACE)).queryParam("tag", tag).get("/api/v1/insights").then()
                .statusCode(200).body("items.id", containsInAnyOrder(ada, bea));
        given().header("Authorization", msl(ADA)).queryParam("tag", tag).get("/api/v1/insights").then()
                .body("items.id", containsInAnyOrder(ada, bea, draftOfAda));
        given().header("Authorization", manager(GRACE)).queryParam("tag", tag).queryParam("status", "VALIDATED")
                .get("/api/v1/insights").then().body("items.id", contains(bea));
        given().header("Authorization", manager(GRACE)).queryParam("tag", tag).queryParam("author", ADA)
                .get("/api/v1/insights").then().body("items.id", contains(ada));
        given().header("Authorization", REPORTING).queryParam("kolId", kol).queryParam("category", "TRIAL_FEEDBACK")
                .get("/api/v1/insights").then().body("items.id", containsInAnyOrder(ada, bea));
        given().header("Authorization", REPORTING).queryParam("kolId", kol).queryParam("category", "UNMET_NEED")
                .get("/api/v1/insights").then().body("items", empty());
        given().header("Authorization", REPORTING).queryParam("tag", tag)
                .queryParam("from", Instant.now().plus(Duration.ofHours(1)).toString()).get("/api/v1/insights").then()
                .body("items", empty());
        given().header("Authorization", msl(CARL)).queryParam("tag", tag).get("/api/v1/insights").then()
                .body("items", empty());
        given().header("Authorization", REPORTING).queryParam("status", "BOGUS").get("/api/v1/insights").then()
                .statusCode(400);
    }

    @Test
    void shouldPageThroughResultsWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = insight(null);
            body.put("tags", List.of(tag));
            created.add(submitted(msl(ADA), body));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", REPORTING).queryParam("tag", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/insights").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).containsExactlyElementsOf(reversed(created));
    }

    @Test
    void shouldShowRisingFallingAndNewThemesAgainstThePreviousPeriod() {
        String area = "ONCOLOGY";
        String rising = "rising-" + UUID.randomUUID().toString().substring(0, 6);
        String falling = "falling-" + UUID.randomUUID().toString().substring(0, 6);
        String fresh = "new-" + UUID.randomUUID().toString().substring(0, 6);
        // The period under review is a far-away week so the other tests' insights stay out of it.
        Instant from = Instant.parse("2021-03-08T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(7));
        Instant previousWeek = from.minus(Duration.ofDays(3));
        Instant thisWeek = from.plus(Duration.ofDays(2));
        for (int i = 0; i < 3; i++) {
            submittedAt(tagged(rising), thisWeek);
        }
        submittedAt(tagged(rising), previousWeek);
        submittedAt(tagged(falling), thisWeek);
        for (int i = 0; i < 4; i++) {
            submittedAt(tagged(falling), previousWeek);
        }
        submittedAt(tagged(fresh), thisWeek);
        String draftOnly = "draft-" + UUID.randomUUID().toString().substring(0, 6);
        draft(msl(ADA), tagged(draftOnly)).then().statusCode(201);

        JsonPath themes = given().header("Authorization", REPORTING).queryParam("therapeuticArea", area)
                .queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/insights/themes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(themes.getString("previousFrom")).isEqualTo(from.minus(Duration.ofDays(7)).toString());
        assertThat(theme(themes, rising)).containsEntry("count", 3).containsEntry("previousCount", 1)
                .containsEntry("change", 2).containsEntry("trend", "RISING");
        assertThat(theme(themes, falling)).containsEntry("count", 1).containsEntry("previousCount", 4)
                .containsEntry("change", -3).containsEntry("trend", "FALLING");
        assertThat(theme(themes, fresh)).containsEntry("count", 1).containsEntry("previousCount", 0)
                .containsEntry("trend", "NEW");
        assertThat(themes.getList("tags.theme", String.class)).doesNotContain(draftOnly);
        assertThat(themes.getList("categories.theme", String.class)).contains("UNMET_NEED");

        given().header("Authorization", REPORTING).queryParam("from", to.toString()).queryParam("to", from.toString())
                .get("/api/v1/insights/themes").then().statusCode(400);
        given().header("Authorization", REPORTING).queryParam("from", from.toString()).get("/api/v1/insights/themes")
                .then().statusCode(400);
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static Map<String, Object> about(String title, String text) {
        Map<String, Object> body = insight(null);
        body.put("title", title);
        body.put("text", text);
        return body;
    }

    private static Map<String, Object> tagged(String tag) {
        Map<String, Object> body = insight(null);
        body.put("tags", List.of(tag));
        return body;
    }

    /** Submits an insight and moves its submission back in time, as if heard then. */
    private static void submittedAt(Map<String, Object> body, Instant at) {
        String id = submitted(msl(ADA), body);
        DevstackResource.sql("UPDATE insight SET submitted_at = '" + at + "' WHERE id = '" + id + "'");
    }

    private static JsonPath search(String token, Map<String, Object> query) {
        return given().header("Authorization", token).queryParams(query).get("/api/v1/insights").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> theme(JsonPath themes, String tag) {
        List<Map<String, Object>> tags = themes.getList("tags");
        return tags.stream().filter(t -> tag.equals(t.get("theme"))).findFirst()
                .orElseThrow(() -> new AssertionError(tag + " missing from " + tags));
    }
}
