package io.rapport.platform.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain outcome that refuses the request: invalid input, a record that does not exist, a caller who may not, a
 * clash with the current state, a rule broken, a version that moved on, or a dependency that is down. Thrown by
 * the domain, whoever called it (a resource, a Kafka consumer, a scheduled job), and turned into a status and a
 * problem {@code type} only at the HTTP edge, by one mapper in {@code platform/api}. The {@code slug} names the
 * outcome and stays stable: it becomes the last segment of the problem type.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal: the edge gives each its HTTP status. */
    public enum Kind {
        /** The input is malformed or out of range (400). */
        INVALID,
        /** The record does not exist, or the caller may not know that it does (404). */
        NOT_FOUND,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** The request clashes with the current state: a unique value, a transition not allowed (409). */
        CONFLICT,
        /** A domain rule refuses the request (422). */
        RULE,
        /** The record changed since the caller read it (412). */
        STALE,
        /** A dependency cannot be reached; retry shortly (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String slug;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public DomainException(Kind kind, String slug, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.slug = slug;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One invalid field (its JSON path, or a parameter name) and what is wrong with it. */
    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static DomainException invalid(List<FieldError> errors) {
        return new DomainException(Kind.INVALID, "validation", describe(errors), errors);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "not-found", what + " " + id + " does not exist", null);
    }

    public static DomainException forbidden(String detail) {
        return forbidden("forbidden", detail);
    }

    /** A refusal of the caller with a stable name of its own (e.g. {@code self-approval}). */
    public static DomainException forbidden(String slug, String detail) {
        return new DomainException(Kind.FORBIDDEN, slug, detail, null);
    }

    public static DomainException conflict(String slug, String detail) {
        return new DomainException(Kind.CONFLICT, slug, detail, null);
    }

    /** {@code slug} names the rule and stays stable. */
    public static DomainException rule(String slug, String detail) {
        return rule(slug, detail, null);
    }

    /** A rule refusing named fields (e.g. what a completion lacks). */
    public static DomainException rule(String slug, String detail, List<FieldError> errors) {
        return new DomainException(Kind.RULE, slug, detail, errors);
    }

    /** The record is now at {@code current}, not at the version the caller read. */
    public static DomainException stale(long current) {
        return new DomainException(Kind.STALE, "version-mismatch",
                "The resource changed since you read it: it is now at version " + current, null)
                .with("currentVersion", current);
    }

    public static DomainException unavailable(String detail) {
        return new DomainException(Kind.UNAVAILABLE, "unavailable", detail, null);
    }

    /** Adds an outcome-specific member (e.g. the cap that was reached) to what the caller is told. */
    public DomainException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    /** The invalid fields; empty for other outcomes. */
    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    protected static String describe(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
