package io.rapport.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The public HTTP APIs, called the way a portal or a CRM integration would: JSON with a bearer token. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, ETag and JSON body. */
    public record Reply(int status, String etag, JsonNode body) {

        public String id() {
            return body.path("id").asText();
        }
    }

    public Reply get(String url, String token) {
        return send("GET", url, token, null, Map.of());
    }

    public Reply post(String url, String token, Object body) {
        return send("POST", url, token, body, Map.of());
    }

    public Reply post(String url, String token, String ifMatch, Object body) {
        return send("POST", url, token, body, Map.of("If-Match", ifMatch));
    }

    public Reply put(String url, String token, Object body) {
        return send("PUT", url, token, body, Map.of());
    }

    public Reply patch(String url, String token, String ifMatch, Object body) {
        return send("PATCH", url, token, body, Map.of("If-Match", ifMatch, "Content-Type", "application/merge-patch+json"));
    }

    /** Sends and returns the reply; a 5xx or a refused connection is an exception (4xx replies are returned). */
    public Reply send(String method, String url, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", token);
            }
            if (body != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
            if (response.statusCode() >= 500) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + json);
            }
            return new Reply(response.statusCode(), response.headers().firstValue("ETag").orElse(null), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The same, failing unless the status is one of {@code expected}. */
    public Reply expect(Reply reply, int... expected) {
        for (int status : expected) {
            if (reply.status() == status) {
                return reply;
            }
        }
        throw new IllegalStateException("Expected " + java.util.Arrays.toString(expected) + " but got " + reply.status()
                + ": " + reply.body());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
