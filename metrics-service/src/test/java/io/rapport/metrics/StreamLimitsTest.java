package io.rapport.metrics;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.DevTokens;
import io.rapport.metrics.api.StreamSlots;
import io.rapport.testing.SseClient;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stream's caps (3 per user and 16 per instance in tests) and its end when the token expires. Every stream
 * here is opened with a token of a few seconds, so each ends by itself and gives its slot back.
 */
@QuarkusTest
class StreamLimitsTest {

    static final String TOO_MANY = "https://rapport.dev/problems/too-many-streams";

    @TestHTTPResource("/api/v1/metrics/stream")
    URL stream;

    @Inject
    StreamSlots slots;

    @Test
    void shouldRefuseAUsersStreamBeyondTheirCapWith429AndRetryAfter() throws Exception {
        String user = "report-" + UUID.randomUUID();
        String token = token(user, Duration.ofMinutes(1));
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(Connection.open(stream, token));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> slots.openBy(user) == 3);
            Response refused = given().header("Authorization", token).accept("text/event-stream")
                    .get("/api/v1/metrics/stream");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("7");
            assertThat(refused.jsonPath().getString("type")).isEqualTo(TOO_MANY);
            assertThat(refused.jsonPath().getString("limit")).isEqualTo("user");

            // Another user is not affected...
            open.add(Connection.open(stream, token("report-" + UUID.randomUUID(), Duration.ofMinutes(1))));
            // ...and once one of this user's streams ended, they may open one again.
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> slots.openBy(user) == 2);
            open.add(Connection.open(stream, token));
        } finally {
            open.forEach(Connection::close);
        }
    }

    @Test
    void shouldRefuseAStreamBeyondTheInstanceCapWhoeverAsks() throws Exception {
        List<Connection> open = new ArrayList<>();
        Response refused = null;
        try {
            // Streams other tests left open count too: open more until the instance holds 16, then one more.
            while (slots.open() < 16 && open.size() <= 16) {
                open.add(Connection.open(stream, token("report-" + UUID.randomUUID(), Duration.ofMinutes(2))));
                await().atMost(Duration.ofSeconds(10)).until(() -> slots.open() >= Math.min(16, open.size()));
            }
            assertThat(slots.open()).isEqualTo(16);
            refused = given().header("Authorization", token("report-" + UUID.randomUUID(), Duration.ofMinutes(1)))
                    .accept("text/event-stream").get("/api/v1/metrics/stream");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("7");
            assertThat(refused.jsonPath().getString("type")).isEqualTo(TOO_MANY);
            assertThat(refused.jsonPath().getString("limit")).isEqualTo("instance");
            assertThat(slots.open()).isEqualTo(16);

            // A subscriber leaves (its connection closes): the instance has room again.
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> slots.open() < 16);
            try (SseClient again = ready(token("report-" + UUID.randomUUID(), Duration.ofSeconds(5)))) {
                assertThat(again.status()).isEqualTo(200);
            }
        } finally {
            open.forEach(Connection::close);
        }
    }

    /** A stream over a plain socket, for a test that must close it for certain (and see the server let go). */
    record Connection(Socket socket, String statusLine) implements AutoCloseable {

        static Connection open(URL url, String token) throws Exception {
            Socket socket = new Socket(url.getHost(), url.getPort());
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertThat(status).as("status line").contains(" 200");
            return new Connection(socket, status);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (Exception e) {
                // already gone
            }
        }
    }

    @Test
    void shouldEndAStreamWhenItsTokenExpires() throws Exception {
        int before = slots.open();
        try (SseClient client = ready(token("report-" + UUID.randomUUID(), Duration.ofSeconds(3)))) {
            SseClient.Message expired = client.await(m -> m.name().equals("token-expired"), Duration.ofSeconds(15));
            assertThat(expired.data()).contains("expiredAt");
            await().atMost(Duration.ofSeconds(10)).until(() -> slots.open() <= before);
        }
    }

    private SseClient ready(String token) throws Exception {
        SseClient client = new SseClient(URI.create(stream.toString()), token, null);
        assertThat(client.status()).isEqualTo(200);
        client.await("ready");
        return client;
    }

    private static String token(String user, Duration ttl) {
        return "Bearer " + DevTokens.mint(user, null, ttl, "reporting");
    }
}
