package io.rapport.kol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.testing.OpenApiOperations;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.rapport.testing.Tokens.ADMIN;
import static io.restassured.RestAssured.given;

/** Test data through the public API: reference data, MSLs and KOL profiles with valid identifiers. */
public final class Fixtures {

    private Fixtures() {
    }

    private static boolean referenceDataLoaded;

    /** The research topics that {@link #referenceData()} loads. */
    public static final List<String> RESEARCH_TOPICS = List.of("immunotherapy-resistance", "car-t-persistence",
            "heart-failure-biomarkers");

    /**
     * Therapeutic areas ONCOLOGY, CARDIOLOGY and IMMUNOLOGY and the {@link #RESEARCH_TOPICS} exist (loaded once per
     * test run).
     */
    public static synchronized void referenceData() {
        if (referenceDataLoaded) {
            return;
        }
        referenceDataLoaded = true;
        for (String code : List.of("ONCOLOGY", "CARDIOLOGY", "IMMUNOLOGY")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", code.charAt(0) + code.substring(1).toLowerCase()))
                    .put("/api/v1/therapeutic-areas/" + code).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        for (String code : RESEARCH_TOPICS) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", code.replace('-', ' ')))
                    .put("/api/v1/research-topics/" + code).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
    }

    /** An MSL in the directory, managed by {@code manager}. */
    public static void directory(String msl, String team, String manager) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("displayName", "MSL " + msl, "team", team, "manager", manager,
                        "territoryCountries", List.of("DE"), "therapeuticAreas", List.of("ONCOLOGY"),
                        "timeZone", "Europe/Berlin"))
                .put("/api/v1/msls/" + msl).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A minimal valid profile with a fresh NPI and ORCID. */
    public static Map<String, Object> profile(String family) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", Map.of("prefix", "Dr.", "given", "Test", "family", family));
        profile.put("country", "DE");
        profile.put("therapeuticAreas", List.of("ONCOLOGY"));
        profile.put("tier", 2);
        profile.put("identifiers", Map.of("npi", npi(), "orcid", orcid()));
        return profile;
    }

    public static Response create(String token, Map<String, Object> profile) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(profile).post("/api/v1/kols");
    }

    /** Creates a KOL as the given MSL (who is then assigned to it); returns its id. */
    public static String kolOf(String mslToken, String family) {
        return create(mslToken, profile(family)).then().statusCode(201).extract().path("id");
    }

    /** The operations kol-service documents, read from the OpenAPI document it serves. */
    public static List<OpenApiOperations.Operation> documentedOperations() {
        JsonNode document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .as(JsonNode.class);
        return OpenApiOperations.of(document);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random valid NPI (Luhn over 80840 + the first nine digits). */
    public static String npi() {
        String nine = (ThreadLocalRandom.current().nextBoolean() ? "1" : "2")
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return nine + io.rapport.platform.validation.Identifiers.luhnCheckDigit("80840" + nine);
    }

    /** A random valid ORCID iD. */
    public static String orcid() {
        String digits = String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
        String all = digits + io.rapport.platform.validation.Identifiers.orcidCheckCharacter(digits);
        return all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-" + all.substring(12);
    }
}
