package io.rapport.platform;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The HTTP conventions every service inherits from the platform, through the test application's API. */
@QuarkusTest
class HttpConventionsTest {

    private static final String NOTES = "/api/v1/notes";
    private static final String PROBLEM = "application/problem+json";
    private final String msl = Tokens.bearer("msl-ada", "msl");

    @Test
    void shouldAnswer401ProblemWithoutToken() {
        given().get(NOTES).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("type", endsWith("/unauthorized"));
    }

    @Test
    void shouldAnswer401ForExpiredToken() {
        given().header("Authorization", Tokens.expired("msl-ada", "msl")).get(NOTES).then().statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void shouldAnswer401ForTokenSignedWithAnotherKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer("https://rapport.dev/issuer").audience("rapport").subject("msl-ada").groups("msl")
                .sign(generator.generateKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + forged).get(NOTES).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void shouldAnswer401ForATokenMeantForAnotherAudienceAndWriteNothing() {
        String title = "other-audience-" + UUID.randomUUID();
        given().header("Authorization", Tokens.forAudience("another-app", "msl-ada", "msl")).contentType(ContentType.JSON)
                .body(Map.of("title", title)).post(NOTES).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer").body("type", endsWith("/unauthorized"));
        assertThat(DevstackResource.sql("SELECT count(*) FROM note WHERE title = '" + title + "'")).isEqualTo("0");
    }

    @Test
    void shouldAnswer401ForATokenWithoutAudience() {
        given().header("Authorization", Tokens.forAudience(null, "msl-ada", "msl")).get(NOTES).then().statusCode(401)
                .contentType(PROBLEM).body("type", endsWith("/unauthorized"));
    }

    @Test
    void shouldAnswer401ForUnsignedAlgNoneToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://rapport.dev/issuer\",\"sub\":\"msl-ada\","
                + "\"groups\":[\"admin\"],\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Bearer " + header + "." + claims + ".").get(NOTES).then().statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void shouldAnswer403ProblemForWrongRole() {
        given().header("Authorization", Tokens.bearer("rep-1", "reporting")).contentType(ContentType.JSON)
                .body(Map.of("title", "t-" + UUID.randomUUID())).post(NOTES)
                .then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
    }

    @Test
    void shouldListEveryInvalidFieldWith400() {
        given().header("Authorization", msl).contentType(ContentType.JSON)
                .body(Map.of("title", " ", "body", "x".repeat(2001))).post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/validation"))
                .body("errors.field", hasItems("title", "body"));
    }

    @Test
    void shouldAnswer400ForMalformedJson() {
        given().header("Authorization", msl).contentType(ContentType.JSON).body("{\"title\": ").post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-json"));
    }

    @Test
    void shouldRefuseUnknownPropertyInsteadOfDroppingIt() {
        given().header("Authorization", msl).contentType(ContentType.JSON)
                .body(Map.of("title", "t-" + UUID.randomUUID(), "colour", "red")).post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("colour"));
    }

    @Test
    void shouldRefuseNumberWhereTextBelongs() {
        given().header("Authorization", msl).contentType(ContentType.JSON).body("{\"title\": 42}").post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("title"));
    }

    @Test
    void shouldAnswerAProblemForAnArrayWhereAnObjectBelongs() {
        given().header("Authorization", msl).contentType(ContentType.JSON).body("[[1]]").post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/malformed-json"));
    }

    @Test
    void shouldRefuseANulCharacterWith400AndWriteNothing() {
        given().header("Authorization", msl).contentType(ContentType.JSON).body("{\"title\": \"nul\\u0000here\"}").post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        given().header("Authorization", msl).get(NOTES).then().body("items.title", not(org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.startsWith("nul"))));
    }

    @Test
    void shouldRefuseDuplicateJsonKeys() {
        given().header("Authorization", msl).contentType(ContentType.JSON)
                .body("{\"title\": \"a\", \"title\": \"b\"}").post(NOTES)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldAnswer404ProblemForUnknownResource() {
        given().header("Authorization", msl).get(NOTES + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"));
    }

    @Test
    void shouldAnswer404ProblemForUnknownPath() {
        given().header("Authorization", msl).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldAnswer404ForMalformedIdInPath() {
        given().header("Authorization", msl).get(NOTES + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldAnswer400NamingAMalformedQueryParameter() {
        given().header("Authorization", msl).queryParam("limit", "ten").get(NOTES).then().statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("/validation")).body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", containsString("must be an integer"));
    }

    @Test
    void shouldAnswer409WhenUniqueValueClashes() {
        String title = "unique-" + UUID.randomUUID();
        create(title).then().statusCode(201);
        create(title).then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/duplicate"));
    }

    @Test
    void shouldRequireIfMatchOnUpdate() {
        String id = create("t-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        given().header("Authorization", msl).contentType("application/merge-patch+json").body(Map.of("body", "new"))
                .patch(NOTES + "/" + id).then().statusCode(428).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseStaleIfMatchWith412() {
        String id = create("t-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        patch(id, "\"1\"", Map.of("body", "first")).then().statusCode(200).header("ETag", "\"2\"");
        patch(id, "\"1\"", Map.of("body", "second")).then().statusCode(412).contentType(PROBLEM)
                .body("currentVersion", equalTo(2));
        given().header("Authorization", msl).get(NOTES + "/" + id).then().body("body", equalTo("first"));
    }

    @Test
    void shouldApplyMergePatchValidatedLikeACreation() {
        String id = create("t-" + UUID.randomUUID()).then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        patch(id, "\"1\"", Map.of("title", "")).then().statusCode(400).body("errors[0].field", equalTo("title"));
        patch(id, "\"1\"", Map.of("body", "patched")).then().statusCode(200).body("body", equalTo("patched"))
                .body("version", equalTo(2));
    }

    @Test
    void shouldRefuseARepeatedAuthorizationOrContentTypeWith400() throws Exception {
        String admin = Tokens.bearer("admin-1", "admin");
        given().header("Authorization", msl).header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("title", "two tokens")).post(NOTES)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/duplicate-header"));
        // RestAssured keeps one Content-Type; the JDK client sends both. Matching the media type refuses it first.
        java.net.http.HttpResponse<String> twoTypes = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + NOTES)).header("Authorization", msl)
                        .header("Content-Type", "application/json").header("Content-Type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\": \"two types\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(twoTypes.statusCode()).isEqualTo(415);
        assertThat(twoTypes.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        given().header("Authorization", msl).get(NOTES).then()
                .body("items.title", not(org.hamcrest.Matchers.hasItem("two types")))
                .body("items.title", not(org.hamcrest.Matchers.hasItem("two tokens")));
    }

    @Test
    void shouldAnswer413ForBodiesOverOneMebibyte() {
        given().header("Authorization", msl).contentType(ContentType.JSON)
                .body("{\"title\": \"" + "x".repeat(1_100_000) + "\"}").post(NOTES)
                .then().statusCode(413).contentType(PROBLEM).body("type", endsWith("/payload-too-large"));
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverOneMebibyteAndWriteNothing() throws Exception {
        String title = "chunked-" + UUID.randomUUID();
        HttpResponse<String> response = postChunked("{\"title\": \"" + title + "\", \"body\": \""
                + "x".repeat(1_100_000) + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        assertThat(response.body()).contains("/payload-too-large");
        assertThat(DevstackResource.sql("SELECT count(*) FROM note WHERE title = '" + title + "'")).isEqualTo("0");
    }

    @Test
    void shouldAcceptAChunkedBodyWithinTheLimit() throws Exception {
        String title = "chunked-" + UUID.randomUUID();
        HttpResponse<String> response = postChunked("{\"title\": \"" + title + "\", \"body\": \"small\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(DevstackResource.sql("SELECT body FROM note WHERE title = '" + title + "'")).isEqualTo("small");
    }

    /** A POST whose length is not declared: the JDK client sends a body of unknown length chunked. */
    private HttpResponse<String> postChunked(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + NOTES)).header("Authorization", msl)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswer415ForWrongContentType() {
        given().header("Authorization", msl).contentType(ContentType.TEXT).body("title=x").post(NOTES)
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void shouldAnswer422WithStableTypeAndWriteNothingWhenARuleRefuses() {
        String title = "refused-" + UUID.randomUUID();
        given().header("Authorization", msl).contentType(ContentType.JSON).body(Map.of("title", title))
                .post(NOTES + "/refused")
                .then().statusCode(422).contentType(PROBLEM).body("type", equalTo("https://rapport.dev/problems/test-refusal"))
                .body("noteId", notNullValue());
        assertThat(DevstackResource.sql("SELECT count(*) FROM note WHERE title = '" + title + "'")).isEqualTo("0");
        assertThat(DevstackResource.sql("SELECT count(*) FROM audit_entry WHERE changes::text LIKE '%" + title + "%'"))
                .isEqualTo("0");
    }

    @Test
    void shouldHideInternalsOf500BehindACorrelationId() {
        given().header("Authorization", msl).get(NOTES + "/boom")
                .then().statusCode(500).contentType(PROBLEM).body("correlationId", notNullValue())
                .body(not(containsString("secret"))).body(not(containsString("at io.")));
    }

    @Test
    void shouldReplayAnIdempotentPostInsteadOfCreatingTwice() {
        String title = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first = given().header("Authorization", msl).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", title)).post(NOTES);
        first.then().statusCode(201);
        given().header("Authorization", msl).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", title)).post(NOTES)
                .then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", first.getHeader("Location")).body("id", equalTo(first.path("id")));
        assertThat(DevstackResource.sql("SELECT count(*) FROM note WHERE title = '" + title + "'")).isEqualTo("1");
    }

    @Test
    void shouldScopeIdempotencyKeysToTheCaller() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", msl).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", "a-" + key)).post(NOTES).then().statusCode(201);
        given().header("Authorization", Tokens.bearer("msl-bob", "msl")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("title", "b-" + key)).post(NOTES)
                .then().statusCode(201).header("Idempotency-Replayed", (String) null);
    }

    @Test
    void shouldRefuseTheSameIdempotencyKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", msl).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", "one-" + key)).post(NOTES).then().statusCode(201);
        given().header("Authorization", msl).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", "two-" + key)).post(NOTES)
                .then().statusCode(422).contentType(PROBLEM).body("type", endsWith("/idempotency-key-reused"));
        assertThat(DevstackResource.sql("SELECT count(*) FROM note WHERE title = 'two-" + key + "'")).isEqualTo("0");
    }

    @Test
    void shouldWriteAnAuditEntryPerWriteWithOldAndNewValues() {
        String id = create("audited-" + UUID.randomUUID()).then().statusCode(201).extract().path("id");
        patch(id, "\"1\"", Map.of("body", "changed")).then().statusCode(200);
        given().header("Authorization", msl).get(NOTES + "/" + id + "/history").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].action", equalTo("created")).body("items[0].actor", equalTo("msl-ada"))
                .body("items[1].action", equalTo("updated")).body("items[1].version", equalTo(2))
                .body("items[1].changes.find { it.field == 'body' }.newValue", equalTo("changed"))
                .body("items[1].changes.find { it.field == 'version' }.oldValue", equalTo(1));
    }

    @Test
    void shouldWalkAllPagesWithStableCursors() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("page-" + UUID.randomUUID()).then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", msl).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(NOTES);
            page.then().statusCode(200);
            List<String> ids = page.path("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(created);
    }

    @Test
    void shouldRefuseLimitsAndCursorsItDidNotIssue() {
        given().header("Authorization", msl).queryParam("limit", 501).get(NOTES).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", msl).queryParam("cursor", "garbage!").get(NOTES).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldServeHealthOpenApiAndMetricsWithoutToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/notes"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("rapport_outbox_backlog"));
    }

    private Response create(String title) {
        return given().header("Authorization", msl).contentType(ContentType.JSON).body(Map.of("title", title)).post(NOTES);
    }

    private Response patch(String id, String ifMatch, Map<String, Object> patch) {
        return given().header("Authorization", msl).header("If-Match", ifMatch).contentType("application/merge-patch+json")
                .body(patch).patch(NOTES + "/" + id);
    }
}
