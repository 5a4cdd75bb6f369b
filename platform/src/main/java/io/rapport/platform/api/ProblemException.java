package io.rapport.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any refusal the API answers with a problem+json: thrown anywhere in a request's pipeline, mapped once by
 * {@link ProblemMappers}. Resources never build error responses themselves.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    /** 409: the request clashes with the current state (a unique identifier, a transition that is not allowed). */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, null);
    }

    /** 422: a domain rule refuses the request; {@code slug} names the rule and stays stable. */
    public static ProblemException rule(String slug, String detail) {
        return new ProblemException(422, slug, "Refused by a rule", detail, null);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "if-match-required", "Precondition required",
                "Send If-Match with the ETag of the version you are changing", null);
    }

    public static ProblemException preconditionFailed(long current) {
        return new ProblemException(412, "version-mismatch", "Precondition failed",
                "The resource changed since you read it: it is now at version " + current, null)
                .with("currentVersion", current);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null)
                .header("Retry-After", "1");
    }

    /** Adds a rule-specific member to the problem body. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, errors, null, extensions);
    }

    /** The invalid fields of a validation problem; empty for other problems. */
    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
