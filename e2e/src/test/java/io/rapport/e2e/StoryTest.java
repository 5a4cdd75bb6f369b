package io.rapport.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.rapport.launcher.Service;
import io.rapport.launcher.Suite;
import io.rapport.testing.SseClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * One KOL's story across the four services, as users run them (the built jars, separate processes, the prod
 * profile) on a real PostgreSQL and Kafka: from the CRM to the metrics, and out again by erasure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryTest {

    static final String TEAM = "e2e-oncology";
    static final String MSL = "msl-e2e";
    static final String MANAGER = "mgr-e2e";
    static final String NPI = "1234567893";
    static final String EMAIL = "erika.mustermann@example.org";
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    static Suite suite;
    static String admin;
    static String msl;
    static String manager;
    static String reporting;
    static String kolId;
    static String insightId;

    @BeforeAll
    static void startTheSuite() {
        Path root = Path.of(System.getProperty("rapport.root", "..")).toAbsolutePath().normalize();
        suite = Suite.start(Suite.Options.scratch(root, root.resolve("e2e/target/suite")), step -> System.out.println(
                "[e2e] " + step));
        admin = suite.token("admin-e2e", "admin");
        msl = suite.token(MSL, "msl");
        manager = suite.token(MANAGER, "medical-manager");
        reporting = suite.token("report-e2e", "reporting");
        String kol = suite.url(Service.KOL);
        call(admin).body(Map.of("name", "Oncology")).put(kol + "/api/v1/therapeutic-areas/ONCOLOGY").then().statusCode(201);
        call(admin).body(Map.of("name", "Demo ONC-101", "therapeuticArea", "ONCOLOGY", "markets", List.of("DE")))
                .put(kol + "/api/v1/products/ONC-101").then().statusCode(201);
        for (String[] entry : new String[][] { { MSL, TEAM, MANAGER }, { MANAGER, "managers", "head-of-medical" } }) {
            call(admin).body(Map.of("displayName", entry[0], "team", entry[1], "manager", entry[2],
                    "territoryCountries", List.of("DE"), "therapeuticAreas", List.of("ONCOLOGY"),
                    "timeZone", "Europe/Berlin")).put(kol + "/api/v1/msls/" + entry[0]).then().statusCode(201);
        }
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void crmCreatesTheKolAndTheManagerAssignsTheMsl() {
        String integration = suite.token("crm-sync", "integration");
        Map<String, Object> profile = Map.of("name", Map.of("prefix", "Dr.", "given", "Erika", "family", "Mustermann"),
                "contact", Map.of("email", EMAIL, "phone", "+49 30 1234567"), "country", "DE",
                "therapeuticAreas", List.of("ONCOLOGY"), "tier", 1, "identifiers", Map.of("npi", NPI),
                "preferences", Map.of("channels", List.of("IN_PERSON", "VIDEO"), "maxContactsPerQuarter", 2));
        Response created = call(integration).body(profile)
                .put(suite.url(Service.KOL) + "/api/v1/kols/by-external-id/veeva/0011x000E2E");
        created.then().statusCode(201).header("Upsert-Outcome", "created");
        kolId = created.path("id");
        call(integration).body(profile).put(suite.url(Service.KOL) + "/api/v1/kols/by-external-id/veeva/0011x000E2E")
                .then().statusCode(200).header("Upsert-Outcome", "unchanged");
        call(admin).header("If-Match", created.header("ETag")).body(Map.of("msls", List.of(MSL)))
                .put(suite.url(Service.KOL) + "/api/v1/kols/" + kolId + "/assignments").then().statusCode(200);
    }

    @Test
    @Order(2)
    void anMslMeetsTheKolAndTheMetricsFollowLive() throws Exception {
        URI stream = URI.create(suite.url(Service.METRICS) + "/api/v1/metrics/stream?team=" + TEAM);
        try (SseClient live = new SseClient(stream, manager, null)) {
            live.await("ready");
            String interaction = call(msl).body(planned(Instant.now().minus(Duration.ofHours(2))))
                    .post(suite.url(Service.INTERACTION) + "/api/v1/interactions").then().statusCode(201).extract().path("id");
            call(msl).header("If-Match", "\"1\"").body(Map.of("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString(),
                    "durationMinutes", 30, "outcome", "Discussed the phase III data with Dr. Mustermann",
                    "disclosureMade", true, "feedbackScore", 5, "adverseEventMentioned", false,
                    "productComplaintMentioned", false))
                    .post(suite.url(Service.INTERACTION) + "/api/v1/interactions/" + interaction + "/complete")
                    .then().statusCode(200).body("status", equalTo("COMPLETED"));
            live.await(m -> m.name().equals("metrics-changed"), Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(summary().getInt("interactions.completed"))
                .isEqualTo(1));
        JsonPath health = get(reporting, suite.url(Service.METRICS) + "/api/v1/metrics/kols/" + kolId);
        assertThat(health.getString("health.lastContact")).isEqualTo(TODAY);
        assertThat(health.getInt("health.recency")).isEqualTo(100);
    }

    @Test
    @Order(3)
    void theFrequencyCapRefusesAThirdMeetingAndNoMetricMoves() {
        call(msl).body(planned(Instant.now().plus(Duration.ofHours(3)))).post(suite.url(Service.INTERACTION)
                + "/api/v1/interactions").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(summaryOverTheYear()
                .getInt("interactions.planned")).isEqualTo(1));
        JsonPath before = summaryOverTheYear();
        call(msl).body(planned(Instant.now().plus(Duration.ofHours(4)))).post(suite.url(Service.INTERACTION)
                + "/api/v1/interactions").then().statusCode(422).body("type", endsWith("/frequency-cap-exceeded"));
        // A later accepted change is visible, so anything the refused one caused would be too.
        recordAndValidateAnInsight();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(summaryOverTheYear()
                .getInt("insights.validated")).isEqualTo(1));
        JsonPath after = summaryOverTheYear();
        assertThat(after.getMap("interactions")).isEqualTo(before.getMap("interactions"));
    }

    @Test
    @Order(4)
    void anApprovedResourceIsSharedAndCounted() {
        String insight = suite.url(Service.INSIGHT);
        String resource = call(manager).body(Map.of("type", "PUBLICATION", "title", "Phase III results",
                "citation", Map.of("type", "DOI", "value", "10.5555/rapport.e2e"), "therapeuticAreas", List.of("ONCOLOGY"),
                "products", List.of("ONC-101"), "tags", List.of("efficacy"), "usage", "PROACTIVE", "markets", List.of("DE")))
                .post(insight + "/api/v1/resources").then().statusCode(201).extract().path("id");
        // Nobody approves their own work: the manager who filed the resource does not approve it.
        call(admin).header("If-Match", "\"1\"").body(Map.of("mlrApprovalId", "MLR-E2E-1",
                "expiresAt", Instant.now().plus(Duration.ofDays(90)).toString()))
                .post(insight + "/api/v1/resources/" + resource + "/approve").then().statusCode(200);
        call(msl).body(Map.of("resourceId", resource, "kolId", kolId, "channel", "IN_PERSON"))
                .post(insight + "/api/v1/shares").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath summary = summary();
            assertThat(summary.getInt("resources.shared")).isEqualTo(1);
            assertThat(summary.getInt("reach.kolsReachedWithContent")).isEqualTo(1);
        });
    }

    @Test
    @Order(5)
    void oneArt15RequestReturnsWhatEachOfTheFourServicesHolds() {
        // GDPR Art. 15: kol-service answers with its own part and each other service's part.
        JsonPath export = get(admin, suite.url(Service.KOL) + "/api/v1/kols/" + kolId + "/personal-data");
        assertThat(export.getString("kolId")).isEqualTo(kolId);
        assertThat(export.getString("kol.name.family")).isEqualTo("Mustermann");
        for (String service : List.of("interaction-service", "insight-service", "metrics-service")) {
            assertThat(export.getMap("services")).as("the parts").containsKey(service);
            assertThat(export.getString("services.'" + service + "'.service")).isEqualTo(service);
            assertThat(export.getString("services.'" + service + "'.kolId")).isEqualTo(kolId);
        }
        String parts = export.prettify();
        assertThat(parts).as("the meeting's outcome (interaction-service)").contains("Discussed the phase III data");
        assertThat(parts).as("the insight (insight-service)").contains("Dr. Mustermann sees a gap in elderly care");
        // Anyone but an admin is refused.
        given().header("Authorization", manager).get(suite.url(Service.KOL) + "/api/v1/kols/" + kolId + "/personal-data")
                .then().statusCode(403);
    }

    @Test
    @Order(6)
    void erasureRemovesThePersonEverywhereAndKeepsTheCounts() {
        call(admin).body(Map.of("reason", "GDPR request REQ-E2E")).post(suite.url(Service.KOL) + "/api/v1/kols/" + kolId
                + "/erasure").then().statusCode(200).body("status", equalTo("ERASED"));
        String kolView = get(admin, suite.url(Service.KOL) + "/api/v1/kols/" + kolId).prettify();
        assertThat(kolView).doesNotContain("Mustermann", EMAIL, NPI, "0011x000E2E");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String interactions = given().header("Authorization", admin).queryParam("kolId", kolId)
                    .get(suite.url(Service.INTERACTION) + "/api/v1/interactions").asString();
            assertThat(interactions).doesNotContain("Mustermann");
            String insight = given().header("Authorization", admin).get(suite.url(Service.INSIGHT) + "/api/v1/insights/"
                    + insightId).asString();
            assertThat(insight).contains("[erased]").doesNotContain("Mustermann");
            assertThat(given().header("Authorization", reporting).get(suite.url(Service.METRICS)
                    + "/api/v1/metrics/kols/health").asString()).doesNotContain(kolId);
        });
        // The proof: every service that holds KOL data confirmed the erasure, and when.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath proof = get(admin, suite.url(Service.KOL) + "/api/v1/kols/" + kolId + "/erasure");
            assertThat(proof.getBoolean("complete")).as(proof.prettify()).isTrue();
            List<Map<String, Object>> services = proof.getList("services");
            assertThat(services).extracting(s -> s.get("service")).contains("interaction-service", "insight-service",
                    "metrics-service");
            assertThat(services).allSatisfy(s -> assertThat(s.get("confirmedAt")).as(s.toString()).isNotNull());
        });
        String afterwards = get(admin, suite.url(Service.KOL) + "/api/v1/kols/" + kolId + "/personal-data").prettify();
        assertThat(afterwards).doesNotContain("Mustermann", EMAIL, NPI);
        JsonPath summary = summary();
        assertThat(summary.getInt("interactions.completed")).isEqualTo(1);
        assertThat(summary.getInt("insights.validated")).isEqualTo(1);
        assertThat(summary.getInt("resources.shared")).isEqualTo(1);
        assertThat(summary.getInt("reach.kolsReached")).isEqualTo(1);
    }

    private static void recordAndValidateAnInsight() {
        String insight = suite.url(Service.INSIGHT);
        insightId = call(msl).body(Map.of("kolId", kolId, "therapeuticArea", "ONCOLOGY", "category", "UNMET_NEED",
                "title", "Dr. Mustermann sees a gap in elderly care", "text", "Dr. Mustermann reports that elderly "
                        + "patients are rarely tested before first line.",
                "tags", List.of("elderly-patients"),
                "adverseEventMentioned", false)).post(insight + "/api/v1/insights").then().statusCode(201).extract().path("id");
        call(msl).header("If-Match", "\"1\"").post(insight + "/api/v1/insights/" + insightId + "/submit").then()
                .statusCode(200);
        call(manager).header("If-Match", "\"2\"").post(insight + "/api/v1/insights/" + insightId + "/validate").then()
                .statusCode(200);
    }

    private static Map<String, Object> planned(Instant start) {
        return Map.of("kolId", kolId, "channel", "IN_PERSON", "kind", "ONE_TO_ONE",
                "objective", "Present the phase III results and hear the KOL's view", "therapeuticArea", "ONCOLOGY",
                "products", List.of("ONC-101"), "plannedStart", start.toString(), "durationMinutes", 30);
    }

    private static JsonPath summary() {
        return given().header("Authorization", reporting).queryParam("team", TEAM).queryParam("from", TODAY)
                .queryParam("to", TODAY).get(suite.url(Service.METRICS) + "/api/v1/metrics/summary").then().statusCode(200)
                .extract().jsonPath().setRootPath("metrics");
    }

    private static JsonPath summaryOverTheYear() {
        return given().header("Authorization", reporting).queryParam("team", TEAM)
                .queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())
                .get(suite.url(Service.METRICS) + "/api/v1/metrics/summary").then().statusCode(200).extract().jsonPath()
                .setRootPath("metrics");
    }

    private static JsonPath get(String token, String url) {
        return given().header("Authorization", token).get(url).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification call(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }
}
