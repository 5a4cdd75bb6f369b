package io.rapport.platform.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.rapport.platform.config.PlatformConfig;
import io.rapport.platform.persistence.DatabaseErrors;
import io.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * {@code Idempotency-Key} on POST: CRMs and portals retry, and a retry must not create a second record. The
 * first response is stored in the same transaction as the write it answers, scoped to (subject, method,
 * path, key); a retry with the same key gets that response back, a retry with the same key and another body
 * gets a 422. Keys are kept for {@code rapport.platform.idempotency-key-retention} (24 h).
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String PRIMARY_KEY = "idempotency_key_pkey";

    private final Caller caller;
    private final CurrentVertxRequest currentRequest;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;
    private final PlatformConfig config;

    public IdempotencyKeys(Caller caller, CurrentVertxRequest currentRequest, ObjectMapper json, PlatformConfig config) {
        this.caller = caller;
        this.currentRequest = currentRequest;
        this.json = json;
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.config = config;
    }

    /**
     * Runs {@code write} once per key. {@code write} must do its work in the current transaction (its
     * {@code @WithTransaction} joins the one opened here) and answer with a response whose entity is JSON.
     *
     * @param key the header value, or null to just run the write
     * @param request the request body, to tell a retry from a different request with the same key
     */
    public Uni<Response> once(String key, Object request, Supplier<Uni<Response>> write) {
        if (key == null) {
            return write.get();
        }
        Scope scope = scope(key, hash(request));
        return Panache.withTransaction(() -> stored(scope).chain(previous -> previous != null
                ? Uni.createFrom().item(replay(previous, scope))
                : write.get().call(response -> store(scope, response))))
                .onFailure(e -> DatabaseErrors.uniqueViolation(e).filter(PRIMARY_KEY::equals).isPresent())
                .recoverWithUni(() -> Panache.withSession(() -> stored(scope)).map(previous -> replay(previous, scope)));
    }

    /** A response stored for a key: what a streamed endpoint (bulk import) replays. */
    public record Stored(String requestHash, int status, String body) {
    }

    /**
     * For endpoints that stream their body and so cannot use {@link #once}: the key of this request (caller,
     * method and path captured now), to look up a stored response and to store one when the stream ends.
     */
    public StreamedKey forStream(String key) {
        return new StreamedKey(scope(key, ""));
    }

    /** The key of a streamed request. */
    public final class StreamedKey {
        private final Scope scope;

        private StreamedKey(Scope scope) {
            this.scope = scope;
        }

        /** The response stored for this key, or null. */
        public Uni<Stored> previous() {
            return Panache.withSession(() -> stored(scope)).map(row -> row == null ? null
                    : new Stored((String) row[0], ((Number) row[1]).intValue(), (String) row[4]));
        }

        /** Stores the response, in a transaction of its own, once the whole body was read. */
        public Uni<Void> remember(String requestHash, int status, String body) {
            Scope complete = new Scope(scope.subject, scope.method, scope.path, scope.key, requestHash);
            return Panache.withTransaction(() -> store(complete, Response.status(status).entity(body).build()))
                    .replaceWithVoid();
        }
    }

    /** Keys are 1 to 255 visible ASCII characters. */
    public static void requireValid(String key) {
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(HEADER, "1 to 255 visible ASCII characters");
        }
    }

    private Scope scope(String key, String hash) {
        requireValid(key);
        return new Scope(caller.subject(), currentRequest.getCurrent().request().method().name(),
                currentRequest.getCurrent().request().path(), key, hash);
    }

    private Uni<Object[]> stored(Scope scope) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM idempotency_key WHERE subject = :subject AND method = :method AND path = :path "
                        + "AND key = :key AND created_at < now() - make_interval(secs => :retention)")
                .setParameter("subject", scope.subject).setParameter("method", scope.method)
                .setParameter("path", scope.path).setParameter("key", scope.key)
                .setParameter("retention", (double) config.idempotencyKeyRetention().toSeconds())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("SELECT request_hash, status, location, etag, body FROM "
                        + "idempotency_key WHERE subject = :subject AND method = :method AND path = :path AND key = :key",
                        Object[].class)
                        .setParameter("subject", scope.subject).setParameter("method", scope.method)
                        .setParameter("path", scope.path).setParameter("key", scope.key)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    private Uni<Integer> store(Scope scope, Response response) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO idempotency_key "
                + "(subject, method, path, key, request_hash, status, location, etag, body) VALUES "
                + "(:subject, :method, :path, :key, :hash, :status, :location, :etag, :body)")
                .setParameter("subject", scope.subject).setParameter("method", scope.method)
                .setParameter("path", scope.path).setParameter("key", scope.key).setParameter("hash", scope.hash)
                .setParameter("status", response.getStatus())
                .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter("etag", response.getHeaderString(HttpHeaders.ETAG))
                .setParameter("body", response.getEntity() == null ? null : write(response.getEntity()))
                .executeUpdate());
    }

    private Response replay(Object[] previous, Scope scope) {
        if (!scope.hash.equals(previous[0])) {
            throw ProblemException.rule("idempotency-key-reused", "This Idempotency-Key was already used for a "
                    + "different request body; use a new key for a new request");
        }
        Response.ResponseBuilder response = Response.status(((Number) previous[1]).intValue())
                .header("Idempotency-Replayed", "true");
        if (previous[2] != null) {
            response.header(HttpHeaders.LOCATION, previous[2]);
        }
        if (previous[3] != null) {
            response.header(HttpHeaders.ETAG, previous[3]);
        }
        if (previous[4] != null) {
            response.entity(previous[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    private String hash(Object request) {
        try {
            byte[] canonical = request == null ? new byte[0] : canonicalJson.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    private String write(Object entity) {
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response", e);
        }
    }

    private record Scope(String subject, String method, String path, String key, String hash) {
    }
}
