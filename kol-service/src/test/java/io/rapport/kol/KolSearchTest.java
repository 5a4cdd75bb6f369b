package io.rapport.kol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.rapport.kol.Fixtures.create;
import static io.rapport.kol.Fixtures.profile;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** GET /kols: ranked full-text search with filters and keyset paging. */
@QuarkusTest
class KolSearchTest {

    private final String ada = msl("msl-ada");

    @BeforeEach
    void referenceData() {
        Fixtures.referenceData();
    }

    @Test
    void shouldRankANameMatchAboveAMatchInInterests() {
        String word = "Zylberstein" + System.nanoTime() % 100000;
        Map<String, Object> byInterest = profile("Other");
        byInterest.put("researchInterests", List.of("work inspired by " + word));
        String interestId = create(ada, byInterest).then().statusCode(201).extract().path("id");
        String nameId = create(ada, profile(word)).then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).queryParam("q", word).get("/api/v1/kols").then().statusCode(200)
                .body("items.id", equalTo(List.of(nameId, interestId)));
    }

    @Test
    void shouldFindWordsInSpecialtiesProjectsAndPublicationTitlesWithStemming() {
        String word = "glioblastom" + (char) ('a' + System.nanoTime() % 26) + "x";
        Map<String, Object> profile = profile("Stem");
        profile.put("publications", List.of(Map.of("pmid", "31452800", "title", "Outcomes in " + word + "s cohorts")));
        String id = create(ada, profile).then().statusCode(201).extract().path("id");
        given().header("Authorization", ada).queryParam("q", word).get("/api/v1/kols").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void shouldFilterByAreaSpecialtyTierCountryAssignedMslAndStatus() {
        String marker = Fixtures.unique("Filter");
        Map<String, Object> cardiologist = profile(marker);
        cardiologist.put("therapeuticAreas", List.of("CARDIOLOGY"));
        cardiologist.put("specialties", List.of("Interventional Cardiology"));
        cardiologist.put("tier", 1);
        cardiologist.put("country", "FR");
        String cardioId = create(msl("msl-filter"), cardiologist).then().statusCode(201).extract().path("id");
        Map<String, Object> inactive = profile(marker);
        inactive.put("status", "INACTIVE");
        String inactiveId = create(ADMIN, inactive).then().statusCode(201).extract().path("id");

        assertThat(search(Map.of("q", marker, "therapeuticArea", "CARDIOLOGY"))).containsExactly(cardioId);
        assertThat(search(Map.of("q", marker, "specialty", "Interventional Cardiology"))).containsExactly(cardioId);
        assertThat(search(Map.of("q", marker, "tier", 1))).containsExactly(cardioId);
        assertThat(search(Map.of("q", marker, "country", "FR"))).containsExactly(cardioId);
        assertThat(search(Map.of("q", marker, "assignedMsl", "msl-filter"))).containsExactly(cardioId);
        assertThat(search(Map.of("q", marker, "status", "INACTIVE"))).containsExactly(inactiveId);
        assertThat(search(Map.of("q", marker))).containsExactlyInAnyOrder(cardioId, inactiveId);
    }

    @Test
    void shouldPageThroughAllResultsWithoutDuplicates() {
        String marker = Fixtures.unique("Paged");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> profile = profile(marker);
            profile.put("researchInterests", List.of(marker + " topic " + i));
            created.add(create(ada, profile).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", ada).queryParam("q", marker).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/kols");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void shouldRefuseATierFilterOutOfRange() {
        given().header("Authorization", ada).queryParam("tier", 9).get("/api/v1/kols").then().statusCode(400)
                .body("errors[0].field", equalTo("tier"));
    }

    private List<String> search(Map<String, Object> params) {
        return given().header("Authorization", ADMIN).queryParams(params).get("/api/v1/kols").then().statusCode(200)
                .extract().path("items.id");
    }
}
