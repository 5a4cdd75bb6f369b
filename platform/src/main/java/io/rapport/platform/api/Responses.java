package io.rapport.platform.api;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/**
 * The answers every resource gives a single record the same way: its representation with its version as the
 * {@code ETag} (200), and, when it was just created, its {@code Location} too (201).
 */
public final class Responses {

    public static final String ETAG = "ETag";
    public static final String IF_MATCH = "If-Match";

    private Responses() {
    }

    /** 200 with the representation and its version as the ETag. */
    public static Response ok(Object representation, long version) {
        return Response.ok(representation).header(ETAG, Versions.etag(version)).build();
    }

    /** 201 for a record created under {@code collection} (e.g. {@code /api/v1/interactions}) with {@code id}. */
    public static Response created(String collection, Object id, Object representation, long version) {
        return Response.created(URI.create(collection + "/" + id)).header(ETAG, Versions.etag(version))
                .entity(representation).build();
    }
}
