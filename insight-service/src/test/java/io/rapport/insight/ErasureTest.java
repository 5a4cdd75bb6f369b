package io.rapport.insight;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.KolServiceEvents;

import static io.rapport.insight.Fixtures.ADA;
import static io.rapport.insight.Fixtures.GRACE;
import static io.rapport.insight.Fixtures.action;
import static io.rapport.insight.Fixtures.approvedResource;
import static io.rapport.insight.Fixtures.get;
import static io.rapport.insight.Fixtures.insight;
import static io.rapport.insight.Fixtures.kol;
import static io.rapport.insight.Fixtures.resource;
import static io.rapport.insight.Fixtures.share;
import static io.rapport.insight.Fixtures.shareOf;
import static io.rapport.insight.Fixtures.submitted;
import static io.rapport.testing.Tokens.ADMIN;
import static io.rapport.testing.Tokens.REPORTING;
import static io.rapport.testing.Tokens.manager;
import static io.rapport.testing.Tokens.msl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** GDPR Art. 17: a KOL erased in kol-service disappears from insights and shares, except what the law keeps. */
@QuarkusTest
class ErasureTest {

    @BeforeEach
    void directory() {
        Fixtures.directory();
    }

    @Test
    void shouldAnonymiseInsightsAndSharesButKeepThemCounted() {
        String kol = kol();
        Map<String, Object> body = insight(kol);
        body.put("tags", List.of("erasure-check"));
        String id = submitted(msl(ADA), body);
        action(manager(GRACE), id, "reject", "\"2\"", Map.of("reason", "Says what Dr. Example told me verbatim")).then()
                .statusCode(200);
        String shareId = share(msl(ADA), shareOf(approvedResource(resource()), kol)).then().statusCode(201)
                .extract().path("id");

        KolServiceEvents.eraseKol(kol, 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(ADMIN, "/api/v1/insights/" + id).then()
                .body("kolId", nullValue()));
        get(ADMIN, "/api/v1/insights/" + id).then().body("title", equalTo("[erased]")).body("text", equalTo("[erased]"))
                .body("rejectionReason", equalTo("[erased]")).body("status", equalTo("REJECTED"))
                .body("tags", contains("erasure-check")).body("category", equalTo("UNMET_NEED"));
        String history = given().header("Authorization", ADMIN).get("/api/v1/insights/" + id + "/history").then()
                .statusCode(200).extract().asString();
        assertThat(history).doesNotContain((String) body.get("text")).doesNotContain("Dr. Example").doesNotContain(kol);
        given().header("Authorization", REPORTING).get("/api/v1/kols/" + kol + "/shares").then().body("items", empty());
        assertThat(DevstackResource.sql("SELECT count(*) FROM share WHERE id = '" + shareId + "' AND kol_id IS NULL"))
                .isEqualTo("1");
    }

    @Test
    void shouldKeepAnAdverseEventInsightWithTheKolPseudonymised() {
        String kol = kol();
        Map<String, Object> body = insight(kol);
        body.put("adverseEventMentioned", true);
        body.put("text", "The KOL saw grade 3 rash in two patients on ONC-101.");
        String id = submitted(msl(ADA), body);

        KolServiceEvents.eraseKol(kol, 2);
        KolServiceEvents.eraseKol(kol, 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                (String) get(ADMIN, "/api/v1/insights/" + id).then().extract().path("kolId")).isNotEqualTo(kol));
        String pseudonym = get(ADMIN, "/api/v1/insights/" + id).then().body("text", equalTo(body.get("text")))
                .body("adverseEventMentioned", equalTo(true)).extract().path("kolId");
        assertThat(pseudonym).isNotNull();
        String history = given().header("Authorization", ADMIN).get("/api/v1/insights/" + id + "/history").then()
                .extract().asString();
        assertThat(history).doesNotContain(kol);
        given().header("Authorization", REPORTING).queryParam("kolId", kol).get("/api/v1/insights").then()
                .body("items", empty());
    }
}
