package io.rapport.drills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.rapport.launcher.DemoPeople;
import io.rapport.launcher.Service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logs name records by id, never people: a KOL with known personal data goes through the four services (CRM
 * upsert, a rejected import row, a meeting, a medical information request, an insight that names them), and no
 * service log holds their name, e-mail, phone or NPI. After the erasure, that data is nowhere: not in the logs,
 * the API answers or any table of any service's database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogsTest {

    static final long SEED = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    static final String FAMILY = "Quillfeather" + SEED;
    static final String EMAIL = "wilhelmina." + SEED + "@clinic.example.org";
    static final String PHONE = "+49 30 " + SEED;
    static final String NPI = DemoPeople.npi(SEED);
    static final List<String> PERSONAL = List.of(FAMILY, EMAIL, PHONE, NPI);

    static final Stack stack = Stack.get();
    static String kolId;
    static String interaction;
    static String medicalRequest;
    static String insight;

    @Test
    @Order(1)
    void shouldKeepPersonalDataOutOfEveryServiceLog() throws IOException {
        String crm = stack.token("crm-logs", "integration");
        Map<String, Object> profile = Map.of("name", Map.of("prefix", "Dr.", "given", "Wilhelmina", "family", FAMILY),
                "contact", Map.of("email", EMAIL, "phone", PHONE), "country", "DE", "therapeuticAreas",
                List.of(Stack.AREA), "tier", 1, "identifiers", Map.of("npi", NPI));
        kolId = Stack.as(crm).body(profile).put(stack.url(Service.KOL) + "/api/v1/kols/by-external-id/logs/" + SEED)
                .then().statusCode(201).extract().path("id");
        // A rejected row echoes the values to the caller, never to the log.
        String row = "{\"name\":{\"family\":\"" + FAMILY + "\"},\"contact\":{\"email\":\"" + EMAIL + " is not valid\"}}\n";
        given().header("Authorization", crm).contentType("application/x-ndjson").body(row.getBytes(StandardCharsets.UTF_8))
                .post(stack.url(Service.KOL) + "/api/v1/kols/import").then().statusCode(200);
        Stack.as(stack.admin()).header("If-Match", "\"1\"").body(Map.of("msls", List.of(Stack.MSL_A)))
                .put(stack.url(Service.KOL) + "/api/v1/kols/" + kolId + "/assignments").then().statusCode(200);
        String msl = stack.token(Stack.MSL_A, "msl");
        Map<String, Object> meeting = new java.util.HashMap<>(Stack.completedMeeting(kolId));
        meeting.put("outcome", "Dr. " + FAMILY + " asked for the subgroup data");
        interaction = Stack.as(msl).body(meeting).post(stack.url(Service.INTERACTION) + "/api/v1/interactions")
                .then().statusCode(201).extract().path("id");
        medicalRequest = Stack.as(msl).body(Map.of("kolId", kolId, "question", "Dr. " + FAMILY + " asks about the elderly",
                "initiatedBy", "KOL", "therapeuticArea", Stack.AREA, "offLabel", false, "unsolicited", true,
                "responseChannel", "EMAIL", "adverseEventMentioned", false))
                .post(stack.url(Service.INTERACTION) + "/api/v1/medical-requests")
                .then().statusCode(201).extract().path("id");
        insight = Stack.as(msl).body(Map.of("kolId", kolId, "therapeuticArea", Stack.AREA, "category", "UNMET_NEED",
                "title", "Dr. " + FAMILY + " sees a gap", "text", "Dr. " + FAMILY + " says elderly patients are rarely "
                        + "tested.",
                "tags", List.of("elderly-patients"), "adverseEventMentioned", false))
                .post(stack.url(Service.INSIGHT) + "/api/v1/insights").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().header("Authorization",
                stack.token("logs-reporting", "reporting")).queryParam("team", Stack.TEAM_A)
                .queryParam("from", LocalDate.now().minusDays(1).toString()).queryParam("to", LocalDate.now().plusDays(1)
                        .toString())
                .get(stack.url(Service.METRICS) + "/api/v1/metrics/summary").then().statusCode(200)
                .extract().jsonPath().getInt("metrics.interactions.completed")).isPositive());
        assertNoLogMentions();
    }

    @Test
    @Order(2)
    void shouldLeaveTheErasedKolNowhere() throws IOException {
        Stack.as(stack.admin()).body(Map.of("reason", "GDPR request REQ-LOGS")).post(stack.url(Service.KOL)
                + "/api/v1/kols/" + kolId + "/erasure").then().statusCode(200);
        String admin = stack.admin();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String url : List.of(stack.url(Service.KOL) + "/api/v1/kols/" + kolId,
                    stack.url(Service.KOL) + "/api/v1/kols/" + kolId + "/history",
                    stack.url(Service.INTERACTION) + "/api/v1/interactions/" + interaction,
                    stack.url(Service.INTERACTION) + "/api/v1/medical-requests/" + medicalRequest,
                    stack.url(Service.INSIGHT) + "/api/v1/insights/" + insight)) {
                String answer = given().header("Authorization", admin).get(url).then().statusCode(200).extract().asString();
                assertThat(answer).as(url).doesNotContain(PERSONAL.toArray(String[]::new));
            }
            for (Service service : Service.values()) {
                assertThat(tablesMentioning(service)).as(service + " database").isEmpty();
            }
        });
        assertNoLogMentions();
    }

    /** The tables of the service's database (every schema) with a row whose text holds any of the personal data. */
    private static List<String> tablesMentioning(Service service) {
        List<String> found = new ArrayList<>();
        for (String needle : PERSONAL) {
            String tables = stack.suite.devstack().endpoints().sql(service.database(), "SELECT table_schema || '.' || "
                    + "table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
                    + "('pg_catalog', 'information_schema') AND (xpath('count(/table/row)', query_to_xml(format('SELECT 1 "
                    + "AS hit FROM %I.%I x WHERE strpos(x::text, %L) > 0 LIMIT 1', table_schema, table_name, '"
                    + needle.replace("'", "''") + "'), false, false, '')))[1]::text::int > 0").strip();
            if (!tables.isEmpty()) {
                found.add(needle + " in " + tables.replace('\n', ' '));
            }
        }
        return found;
    }

    private static void assertNoLogMentions() throws IOException {
        for (Service service : Service.values()) {
            Path log = stack.suite.service(service).log();
            String text = Files.readString(log);
            assertThat(text).as(log.toString()).isNotEmpty().doesNotContain(PERSONAL.toArray(String[]::new));
        }
    }
}
