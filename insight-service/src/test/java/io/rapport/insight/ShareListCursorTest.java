package io.rapport.insight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.restassured.path.json.JsonPath;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.CARL;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.kol;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KOL's shares list shows another team's shares only as who shared and when; paging through it must not hand
 * out their ids either: no cursor carries an id of a share the caller may not open, and every share still
 * comes exactly once, in order, also where several were shared at the same instant.
 */
@QuarkusTest
class ShareListCursorTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldPageAnotherTeamsSharesExactlyOnceWithoutTheirIdsInAnyCursor() {
        String kol = kol();
        String resource = approvedResource(resource());
        // Ada (oncology-north) and Carl (oncology-south) share with the same KOL; several at the very same instants
        // (a batch recorded by an integration), so pages end inside a run of equal times.
        List<String> adas = new ArrayList<>();
        List<String> carls = new ArrayList<>();
        String[] times = { "2026-11-02T10:00:00Z", "2026-11-02T10:00:00Z", "2026-11-02T10:00:00Z", "2026-11-01T09:00:00Z",
                "2026-11-01T09:00:00Z", "2026-10-30T08:00:00Z", "2026-10-30T08:00:00Z", "2026-10-29T07:00:00Z" };
        for (int i = 0; i < times.length; i++) {
            boolean ada = i % 3 != 1;
            String id = share(msl(ada ? ADA : CARL), shareOf(resource, kol)).then().statusCode(201).extract().path("id");
            (ada ? adas : carls).add(id);
            DevstackResource.sql("UPDATE share SET shared_at = '" + times[i] + "' WHERE id = '" + id + "'");
        }
        List<Map<String, Object>> all = given().header("Authorization", ADMIN).queryParam("limit", 500)
                .get("/api/v1/kols/" + kol + "/shares").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(all).hasSize(times.length);
        // What Carl should see, in this order: his own shares in full, Ada's as who and when.
        List<Map<String, Object>> expected = all.stream().map(s -> carls.contains(s.get("id")) ? seen(s, s.get("id"), false)
                : seen(s, null, true)).toList();

        for (int limit = 1; limit <= 3; limit++) {
            List<Map<String, Object>> paged = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().header("Authorization", msl(CARL)).queryParam("limit", limit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/kols/" + kol + "/shares").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                items.forEach(s -> paged.add(seen(s, s.get("id"), (Boolean) s.get("summary"))));
                cursor = page.getString("nextCursor");
                assertThat(items).as("a page with a next one is full").hasSize(cursor == null ? items.size() : limit);
                if (cursor != null) {
                    cursors.add(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                }
            } while (cursor != null && paged.size() <= times.length);

            assertThat(paged).as("pages of %d: every share exactly once, newest first", limit)
                    .containsExactlyElementsOf(expected);
            for (String decoded : cursors) {
                assertThat(adas).as("pages of %d: cursor %s", limit, decoded).noneMatch(decoded::contains);
            }
        }
    }

    /** A share as a caller sees it: who, when, whether a summary, and the id when it is theirs to open. */
    private static Map<String, Object> seen(Map<String, Object> share, Object id, boolean summary) {
        Map<String, Object> seen = new HashMap<>();
        seen.put("mslId", share.get("mslId"));
        seen.put("sharedAt", share.get("sharedAt"));
        seen.put("summary", summary);
        seen.put("id", id);
        return seen;
    }
}
