package io.rapport.drills;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.launcher.Service;
import io.rapport.launcher.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * The real stack every drill runs against, started once per module run (whatever the test engine: JUnit or
 * jqwik) and stopped by {@link StackSession} when the run ends: PostgreSQL, Kafka and the four services from
 * their jars in the prod profile. Two teams, each with an MSL and a manager, one therapeutic area and product.
 */
final class Stack {

    static final String AREA = "ONCOLOGY";
    static final String PRODUCT = "ONC-101";
    static final String TOPIC = "elderly-patients";
    static final String TEAM_A = "drill-team-a";
    static final String TEAM_B = "drill-team-b";
    static final String MSL_A = "msl-drill-a";
    static final String MSL_B = "msl-drill-b";
    static final String MANAGER_A = "mgr-drill-a";
    static final String MANAGER_B = "mgr-drill-b";

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Stack running;

    final Suite suite;
    final Path logs;

    private Stack(Suite suite, Path logs) {
        this.suite = suite;
        this.logs = logs;
    }

    static synchronized Stack get() {
        if (running == null) {
            Path root = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
            Path data = root.resolve("deploy/drills/target/suite");
            // An erasure a service has not confirmed is re-sent after a grace period: short here, so that the
            // dead-lettered erasure drill sees it happen.
            Suite.Options options = Suite.Options.scratch(root, data).with(Service.KOL, Map.of(
                    "rapport.privacy.resend-interval", "PT5S", "rapport.privacy.resend-grace", "PT20S"));
            Suite suite = Suite.start(options, step -> System.out.println("[drills] " + step));
            running = new Stack(suite, data.resolve("logs"));
            io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
            running.seed();
        }
        return running;
    }

    static synchronized void stop() {
        if (running != null) {
            running.suite.close();
            running = null;
        }
    }

    String url(Service service) {
        return suite.url(service);
    }

    String token(String subject, String... roles) {
        return suite.token(subject, roles);
    }

    String admin() {
        return token("admin-drills", "admin");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    private void seed() {
        String kol = url(Service.KOL);
        as(admin()).body(Map.of("name", "Oncology")).put(kol + "/api/v1/therapeutic-areas/" + AREA).then().statusCode(201);
        as(admin()).body(Map.of("name", "Drill product", "therapeuticArea", AREA, "markets", List.of("DE")))
                .put(kol + "/api/v1/products/" + PRODUCT).then().statusCode(201);
        as(admin()).body(Map.of("name", "Elderly patients")).put(kol + "/api/v1/research-topics/" + TOPIC).then()
                .statusCode(201);
        directory(MANAGER_A, "managers", "head-of-medical");
        directory(MANAGER_B, "managers", "head-of-medical");
        directory(MSL_A, TEAM_A, MANAGER_A);
        directory(MSL_B, TEAM_B, MANAGER_B);
    }

    void directory(String msl, String team, String manager) {
        as(admin()).body(Map.of("displayName", msl, "team", team, "manager", manager, "territoryCountries", List.of("DE"),
                "therapeuticAreas", List.of(AREA), "timeZone", "Europe/Berlin"))
                .put(url(Service.KOL) + "/api/v1/msls/" + msl).then().statusCode(201);
    }

    /** A new KOL without personal data worth mentioning, assigned to the given MSLs; its id. */
    String newKol(String... msls) {
        String id = as(token("crm-drills", "integration")).body(Map.of("name", Map.of("given", "Drill", "family",
                "Kol"), "country", "DE", "therapeuticAreas", List.of(AREA), "tier", 2))
                .put(url(Service.KOL) + "/api/v1/kols/by-external-id/drills/" + UUID.randomUUID())
                .then().statusCode(201).extract().path("id");
        if (msls.length > 0) {
            as(admin()).header("If-Match", "\"1\"").body(Map.of("msls", List.of(msls)))
                    .put(url(Service.KOL) + "/api/v1/kols/" + id + "/assignments").then().statusCode(200);
        }
        return id;
    }

    /** A meeting logged as held an hour ago, complete with disclosure and safety answers. */
    static Map<String, Object> completedMeeting(String kolId) {
        return Map.ofEntries(Map.entry("kolId", kolId), Map.entry("channel", "IN_PERSON"), Map.entry("kind", "ONE_TO_ONE"),
                Map.entry("objective", "Discuss the phase III results and the KOL's practice"),
                Map.entry("therapeuticArea", AREA), Map.entry("products", List.of(PRODUCT)),
                Map.entry("status", "COMPLETED"), Map.entry("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString()),
                Map.entry("durationMinutes", 30), Map.entry("disclosureMade", true),
                Map.entry("adverseEventMentioned", false), Map.entry("productComplaintMentioned", false),
                Map.entry("outcome", "Shared the results"));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A meeting planned for tomorrow. */
    static Map<String, Object> plannedMeeting(String kolId) {
        return Map.of("kolId", kolId, "channel", "IN_PERSON", "kind", "ONE_TO_ONE",
                "objective", "Discuss the phase III results and the KOL's practice", "therapeuticArea", AREA,
                "products", List.of(PRODUCT), "plannedStart", Instant.now().plus(Duration.ofDays(1)).toString(),
                "durationMinutes", 30);
    }
}
