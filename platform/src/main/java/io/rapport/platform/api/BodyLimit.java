package io.rapport.platform.api;

import io.rapport.platform.config.PlatformConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over {@code rapport.platform.max-body-bytes} (1 MiB) with a 413 problem before they are
 * read, except on {@link StreamedBody} endpoints.
 */
public class BodyLimit {

    private final PlatformConfig config;

    public BodyLimit(PlatformConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void check(HttpServerRequest request, ResourceInfo resource) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(StreamedBody.class)) {
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > config.maxBodyBytes()) {
            throw new ProblemException(413, "payload-too-large", "Payload too large", "The body has " + length
                    + " bytes; this endpoint accepts at most " + config.maxBodyBytes(), null);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
