package io.rapport.platform.api;

/**
 * Optimistic concurrency over HTTP: the {@code ETag} of a resource is its entity version, and an update must
 * send it back in {@code If-Match} (428 without it, 412 when the resource moved on).
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when absent, 400 when it is not one of our ETags. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "not an ETag of this API (expected e.g. \"3\")");
        }
    }

    /** 412 unless the entity is still at the version the client read. */
    public static void check(String ifMatch, long current) {
        if (expected(ifMatch) != current) {
            throw ProblemException.preconditionFailed(current);
        }
    }
}
