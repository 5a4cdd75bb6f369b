package io.rapport.drills;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.rapport.devstack.DevTokens;
import io.rapport.launcher.Service;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classic bad requests against each service's main write: refused with the right 4xx as problem+json, and
 * nothing written (the list the write would appear in does not change).
 */
class BadInputTest {

    static Stack stack;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
    }

    /** Each service's main JSON write, who may call it, and where its result would be listed. */
    enum Write {
        KOL(Service.KOL, "/api/v1/kols", "/api/v1/kols", "admin"),
        INTERACTION(Service.INTERACTION, "/api/v1/interactions", "/api/v1/interactions", "msl"),
        INSIGHT(Service.INSIGHT, "/api/v1/insights", "/api/v1/insights", "msl"),
        RESOURCE(Service.INSIGHT, "/api/v1/resources", "/api/v1/resources", "medical-manager");

        final Service service;
        final String path;
        final String list;
        final String role;

        Write(Service service, String path, String list, String role) {
            this.service = service;
            this.path = path;
            this.list = list;
            this.role = role;
        }

        String url() {
            return stack.url(service) + path;
        }

        String token() {
            return stack.token(role.equals("msl") ? Stack.MSL_A : "drill-" + role, role);
        }

        String listed() {
            return given().header("Authorization", stack.admin()).get(stack.url(service) + list).then().statusCode(200)
                    .extract().asString();
        }
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseAnOversizedBodyWith413(Write write) {
        String huge = "{\"objective\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertRefused(write, () -> given().header("Authorization", write.token()).contentType("application/json").body(huge)
                .post(write.url()), 413);
    }

    /** The 1 MiB limit holds whatever the transfer encoding: a chunked body (no Content-Length) over it is a 413. */
    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseAnOversizedChunkedBodyWith413(Write write) {
        byte[] huge = ("{\"objective\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String before = write.listed();
        java.net.http.HttpResponse<String> response = chunked(write.url(), write.token(), "application/json", huge);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(write.listed()).as("nothing written").isEqualTo(before);
    }

    /** The import limits each row as well as the upload: a chunked import with one huge row writes nothing. */
    @org.junit.jupiter.api.Test
    void shouldRefuseAnOversizedImportRowSentChunked() {
        String before = Write.KOL.listed();
        String row = "{\"name\":{\"family\":\"Row\"},\"country\":\"DE\",\"preferences\":{\"notes\":\""
                + "x".repeat(3 * 1024 * 1024) + "\"}}\n";
        java.net.http.HttpResponse<String> response = chunked(stack.url(Service.KOL) + "/api/v1/kols/import",
                stack.token("drill-integration", "integration"), "application/x-ndjson",
                row.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 413);
        if (response.statusCode() == 200) {
            assertThat(response.body()).as("the row's report").contains("REJECTED").doesNotContain("CREATED");
        }
        assertThat(Write.KOL.listed()).as("nothing written").isEqualTo(before);
    }

    /** Sends the body without a Content-Length (Transfer-Encoding: chunked). */
    private static java.net.http.HttpResponse<String> chunked(String url, String token, String type, byte[] body) {
        try {
            return Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", token).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The server may close the connection once the limit is passed: then no 413 reached the client
            throw new AssertionError("the connection closed without an answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseMalformedJsonWith400(Write write) {
        assertRefused(write, () -> given().header("Authorization", write.token()).contentType("application/json")
                .body("{\"kolId\": \"x\", ").post(write.url()), 400);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseInvalidUtf8With400(Write write) {
        byte[] body = "{\"title\": \"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(write, () -> given().header("Authorization", write.token()).contentType("application/json").body(body)
                .post(write.url()), 400);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseAWrongContentTypeWith415(Write write) {
        assertRefused(write, () -> given().header("Authorization", write.token()).contentType("text/plain").body("{}")
                .post(write.url()), 415);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseAnExpiredTokenWith401(Write write) {
        String expired = stack.suite.token("drill-" + write.role, Duration.ofMinutes(-10), write.role);
        assertRefused(write, () -> post(write, expired), 401);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseATokenSignedByAnotherKeyWith401(Write write) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        DevTokens.Signer stranger = new DevTokens.Signer(generator.generateKeyPair().getPrivate(),
                io.rapport.launcher.LocalSecrets.ISSUER);
        String forged = "Bearer " + DevTokens.mint(stranger, "drill-" + write.role, null, Duration.ofHours(1), write.role);
        assertRefused(write, () -> post(write, forged), 401);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseATamperedTokenWith401(Write write) {
        String[] parts = write.token().substring("Bearer ".length()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"", "\"sub\":\"someone-else-");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(write, () -> post(write, "Bearer " + tampered), 401);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseAnUnsignedAlgNoneTokenWith401(Write write) {
        String payload = new String(Base64.getUrlDecoder().decode(write.token().substring("Bearer ".length())
                .split("\\.")[1]), StandardCharsets.UTF_8);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(StandardCharsets.UTF_8)) + ".";
        assertRefused(write, () -> post(write, "Bearer " + unsigned), 401);
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void shouldRefuseAMissingTokenWith401(Write write) {
        assertRefused(write, () -> given().contentType("application/json").body("{}").post(write.url()), 401);
    }

    private static Response post(Write write, String token) {
        return given().header("Authorization", token).contentType("application/json").body(Map.of("title", "x"))
                .post(write.url());
    }

    private static void assertRefused(Write write, Supplier<Response> request, int status) {
        String before = write.listed();
        Response response = request.get();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(write.listed()).as("nothing written").isEqualTo(before);
    }
}
