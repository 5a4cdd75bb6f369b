package io.rapport.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;

/**
 * A refusal that only the HTTP edge knows (a missing {@code If-Match}, a malformed header, an unauthenticated
 * call, a path that does not exist), with its status and title. Domain outcomes are {@link DomainException}s;
 * {@link ProblemMappers} answers both as problem+json. Resources never build error responses themselves.
 */
public class ProblemException extends DomainException {

    private final int status;
    private final String title;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(kindOf(status), slug, detail, errors);
        this.status = status;
        this.title = title;
    }

    /**
     * 400 naming a header or parameter the edge could not read (as {@link DomainException#invalid(String, String)},
     * but a {@code ProblemException}, so the edge can tell its own refusals apart, e.g. a malformed If-Match).
     */
    public static ProblemException badRequest(String field, String message) {
        List<FieldError> errors = List.of(new FieldError(field, message));
        return new ProblemException(400, "validation", "Invalid request", describe(errors), errors);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "if-match-required", "Precondition required",
                "Send If-Match with the ETag of the version you are changing", null);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null)
                .header("Retry-After", "1");
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public ProblemException with(String member, Object value) {
        super.with(member, value);
        return this;
    }

    /** The domain kind nearest to an edge status, so that a caller handling domain outcomes sees these too. */
    private static Kind kindOf(int status) {
        return switch (status) {
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 412 -> Kind.STALE;
            case 422 -> Kind.RULE;
            case 503 -> Kind.UNAVAILABLE;
            default -> Kind.INVALID;
        };
    }
}
