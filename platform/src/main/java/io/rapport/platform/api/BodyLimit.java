package io.rapport.platform.api;

import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.rapport.platform.config.PlatformConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Refuses bodies over {@code rapport.platform.max-body-bytes} (1 MiB) with a 413 problem before the endpoint
 * runs, however the body is sent, except on {@link StreamedBody} endpoints. A declared {@code Content-Length}
 * is refused before a byte is read. A body without one (chunked, or HTTP/2 without the header) is read here
 * while counting, and refused as soon as it passes the limit, so a client cannot stream hundreds of megabytes
 * at an endpoint that accepts a small JSON document (Quarkus' own {@code quarkus.http.limits.max-body-size}
 * stays high for the streaming imports). A body within the limit is handed on to the endpoint unchanged.
 */
public class BodyLimit {

    private final PlatformConfig config;

    public BodyLimit(PlatformConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Void> check(HttpServerRequest request, ResourceInfo resource, ContainerRequestContext context) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(StreamedBody.class)) {
            return Uni.createFrom().voidItem();
        }
        long limit = config.maxBodyBytes();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (parse(length) > limit) {
                throw tooLarge("The body has " + length + " bytes; this endpoint accepts at most " + limit);
            }
            return Uni.createFrom().voidItem();
        }
        if (!hasUndeclaredBody(request)) {
            return Uni.createFrom().voidItem();
        }
        return readAtMost(request, limit).invoke(body -> context.setEntityStream(new ByteArrayInputStream(body)))
                .replaceWithVoid();
    }

    /** A body is coming whose length was not declared: chunked on HTTP/1.1, or a data stream on HTTP/2. */
    private static boolean hasUndeclaredBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        return request.headers().contains("Transfer-Encoding") || request.version() == HttpVersion.HTTP_2;
    }

    /**
     * The whole body, or a 413 as soon as it passes {@code limit}. After a refusal the rest is read and
     * dropped (a paused request would leave a client that sends before it reads stuck until a timeout) and
     * the connection is closed after the answer.
     */
    private static Uni<byte[]> readAtMost(HttpServerRequest request, long limit) {
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            AtomicBoolean settled = new AtomicBoolean();
            request.handler(chunk -> {
                if (settled.get()) {
                    return;
                }
                if ((long) body.length() + chunk.length() > limit) {
                    settled.set(true);
                    emitter.fail(tooLarge("The body has more than " + limit + " bytes; this endpoint accepts at most "
                            + limit).header("Connection", "close"));
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(failure -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.fail(failure);
                }
            });
            request.endHandler(end -> {
                if (settled.compareAndSet(false, true)) {
                    emitter.complete(body.getBytes());
                }
            });
            request.resume();
        });
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Payload too large", detail, null);
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
