package io.rapport.platform.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.platform.domain.DomainException;
import io.smallrye.mutiny.Uni;

/**
 * The fallback when a replica misses an aggregate (its event is not consumed yet): one call to the owning
 * service with the caller's token, a short timeout and a circuit breaker, so an unreachable owner costs at
 * most a second and then nothing while the breaker is open. Never a guess: the caller answers 503 when this
 * fails.
 */
@ApplicationScoped
public class RemoteReplicas {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final JsonWebToken token;
    private final ObjectMapper json;

    public RemoteReplicas(JsonWebToken token, ObjectMapper json) {
        this.token = token;
        this.json = json;
    }

    /** The JSON the owner answers, or null when it says 404; fails when it cannot be reached. */
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, skipOn = DomainException.class)
    public Uni<JsonNode> fetch(String url) {
        return fetch(url, Duration.ofMillis(1000));
    }

    /**
     * The same, within {@code timeout} and without the circuit breaker: for a rare call that is allowed to take
     * longer than a replica lookup (an access request's export), and must not open the lookups' breaker.
     */
    public Uni<JsonNode> fetch(String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token.getRawToken()).header("Accept", "application/json").GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> parse(response.body());
                    case 400, 404 -> null; // an id the owner cannot even read is unknown there too
                    case 401, 403 -> throw DomainException.forbidden("The owning service refused to show " + url);
                    default -> throw new IllegalStateException(url + " answered " + response.statusCode());
                });
    }

    /** {@link #fetch} with its failures as the 503 problem a caller answers. */
    public Uni<JsonNode> fetchOr503(String url, String what) {
        return fetch(url).onFailure(e -> !(e instanceof DomainException))
                .transform(e -> DomainException.unavailable(what + " is not known here yet and its owner cannot be "
                        + "reached (" + reason(e) + "); retry shortly"));
    }

    private static String reason(Throwable e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "circuit open after repeated failures";
        }
        if (e instanceof TimeoutException) {
            return "timed out";
        }
        return e.getClass().getSimpleName();
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer: " + e.getMessage(), e);
        }
    }
}
