package io.rapport.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.KolServiceEvents;
import io.restassured.path.json.JsonPath;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.kol;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.resourceAction;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What to share next: matching content first, each with why, never what was shared or may not be offered. */
@QuarkusTest
class RecommendationTest {

    private String area;
    private String keyword;
    private String kol;

    @BeforeEach
    void kolWithOwnAreaAndTopics() {
        Fixtures.directory();
        // An area and a keyword of this test alone, so the other tests' resources stay out of the ranking.
        String unique = UUID.randomUUID().toString().substring(0, 8);
        area = "AREA-" + unique.toUpperCase();
        keyword = "kw" + unique;
        KolServiceEvents.therapeuticArea(area);
        kol = kol(Map.of("therapeuticAreas", List.of(area),
                "researchTopics", List.of(keyword + "-persistence", "release-" + keyword)));
    }

    @Test
    void shouldRankResourcesByAreaAndResearchTopicMatchAndSayWhy() {
        String bestMatch = approved(List.of(area), List.of(keyword, "release-" + keyword), "PROACTIVE", "DE");
        String topicOnly = approved(List.of("ONCOLOGY"), List.of(keyword), "PROACTIVE", "DE");
        String areaOnly = approved(List.of(area), List.of("dosing"), "PROACTIVE", "DE");
        String unrelated = approved(List.of("ONCOLOGY"), List.of("dosing"), "PROACTIVE", "DE");

        JsonPath recommended = recommended();
        assertThat(recommended.getList("resource.id", String.class)).containsExactly(bestMatch, topicOnly, areaOnly)
                .doesNotContain(unrelated);
        assertThat(recommended.getList("score", Integer.class)).containsExactly(8, 3, 2);
        assertThat(recommended.getList("why[0]", String.class)).containsExactly(
                "therapeutic area " + area + " is one of the KOL's",
                "tag '" + keyword + "' matches the research topic '" + keyword + "-persistence'",
                "tag 'release-" + keyword + "' matches the research topic 'release-" + keyword + "'");
        assertThat(recommended.getList("why[1]", String.class)).containsExactly(
                "tag '" + keyword + "' matches the research topic '" + keyword + "-persistence'");
        assertThat(recommended.getList("why[2]", String.class)).containsExactly(
                "therapeutic area " + area + " is one of the KOL's");
    }

    @Test
    void shouldLeaveOutWhatWasSharedOrMayNotBeOffered() {
        String shared = approved(List.of(area), List.of(keyword), "PROACTIVE", "DE");
        String reactiveOnly = approved(List.of(area), List.of(keyword), "REACTIVE_ONLY", "DE");
        String elsewhere = approved(List.of(area), List.of(keyword), "PROACTIVE", "US");
        String withdrawn = approved(List.of(area), List.of(keyword), "PROACTIVE", "DE");
        String offered = approved(List.of(area), List.of(keyword), "PROACTIVE", "DE");
        share(msl(ADA), shareOf(shared, kol)).then().statusCode(201);
        resourceAction(withdrawn, "withdraw", "\"2\"", Map.of("reason", "Superseded")).then().statusCode(200);

        assertThat(recommended().getList("resource.id", String.class)).containsExactly(offered)
                .doesNotContain(shared, reactiveOnly, elsewhere, withdrawn);
        given().header("Authorization", msl(ADA)).queryParam("limit", 0)
                .get("/api/v1/kols/" + kol + "/recommended-resources").then().statusCode(400);
    }

    @Test
    void shouldNotMatchTheOldFreeTextInterestTagsOfAnEventReplayedOnARebuild() {
        // An event from before research topics: keywords derived from free text, no topics. They are not read.
        Map<String, Object> before = new HashMap<>();
        before.put("therapeuticAreas", List.of(area));
        before.put("researchTopics", null);
        before.put("researchInterestTags", List.of(keyword, keyword + "-persistence"));
        String old = kol(before);
        String topicOnly = approved(List.of("ONCOLOGY"), List.of(keyword), "PROACTIVE", "DE");
        String areaOnly = approved(List.of(area), List.of("dosing"), "PROACTIVE", "DE");

        JsonPath recommended = recommended(old);
        assertThat(recommended.getList("resource.id", String.class)).containsExactly(areaOnly).doesNotContain(topicOnly);
        assertThat(recommended.getList("why", String.class).toString()).doesNotContain(keyword);
    }

    private JsonPath recommended() {
        return recommended(kol);
    }

    private static JsonPath recommended(String kolId) {
        return given().header("Authorization", msl(ADA)).get("/api/v1/kols/" + kolId + "/recommended-resources").then()
                .statusCode(200).extract().jsonPath();
    }

    private static String approved(List<String> areas, List<String> tags, String usage, String market) {
        Map<String, Object> body = resource();
        body.put("therapeuticAreas", areas);
        body.put("tags", tags);
        body.put("usage", usage);
        body.put("markets", List.of(market));
        return approvedResource(body);
    }
}
