package io.rapport.platform.api;

import io.rapport.platform.domain.ExpectedVersion;

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

    /**
     * The version an {@code If-Match} header names, for the domain to check; when the header is absent (428) or
     * not one of our ETags (400), an expected version that refuses so when the domain checks it, where it always
     * checked (after the record was found), so the order of refusals stays what clients know.
     */
    public static ExpectedVersion expected(String ifMatch) {
        try {
            return ExpectedVersion.of(parse(ifMatch));
        } catch (ProblemException refusal) {
            return ExpectedVersion.refusedWith(refusal);
        }
    }

    private static long parse(String ifMatch) {
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
        expected(ifMatch).check(current);
    }
}
