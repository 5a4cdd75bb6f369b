package io.rapport.platform.api;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.rapport.platform.domain.FieldError;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a request that repeats a header which must appear once (RFC 9110: Authorization, Content-Type,
 * If-Match...): which of two tokens or two media types counts is otherwise up to whichever layer reads it first,
 * and a proxy may have read the other.
 */
public class SingleHeaders {

    static final List<String> ONCE = List.of("Authorization", "Content-Type", "Content-Length", "If-Match",
            "Idempotency-Key", "Last-Event-ID");

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        for (String name : ONCE) {
            if (request.headers().getAll(name).size() > 1) {
                throw new ProblemException(400, "duplicate-header", "Duplicate header", "The " + name
                        + " header appears more than once; send it once", List.of(new FieldError(name, "repeated")));
            }
        }
    }
}
