package io.rapport.platform.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;
import io.rapport.platform.persistence.DatabaseErrors;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where failures become RFC 9457 problem+json responses. A 500 never shows a stack trace: it
 * carries the request's correlation id ({@link CorrelationIds}), which is logged with the failure.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not found", 405, "Method not allowed", 406, "Not acceptable",
            413, "Payload too large", 415, "Unsupported media type");

    private static final Map<DomainException.Kind, Integer> STATUS = Map.of(DomainException.Kind.INVALID, 400,
            DomainException.Kind.NOT_FOUND, 404, DomainException.Kind.FORBIDDEN, 403, DomainException.Kind.CONFLICT,
            409, DomainException.Kind.RULE, 422, DomainException.Kind.STALE, 412, DomainException.Kind.UNAVAILABLE, 503);
    private static final Map<DomainException.Kind, String> TITLE = Map.of(DomainException.Kind.INVALID,
            "Invalid request", DomainException.Kind.NOT_FOUND, "Not found", DomainException.Kind.FORBIDDEN, "Forbidden",
            DomainException.Kind.CONFLICT, "Conflict", DomainException.Kind.RULE, "Refused by a rule",
            DomainException.Kind.STALE, "Precondition failed", DomainException.Kind.UNAVAILABLE, "Service unavailable");

    private final ObjectMapper json;

    public ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Every domain outcome, whoever threw it: its kind gives the status, its slug the problem type. An edge-only
     * {@link ProblemException} brings its own status, title and headers.
     */
    @ServerExceptionMapper(priority = 1)
    public Response problem(DomainException e, HttpServerRequest request) {
        int status = e instanceof ProblemException edge ? edge.status() : STATUS.get(e.kind());
        String title = e instanceof ProblemException edge ? edge.title() : TITLE.get(e.kind());
        Response.ResponseBuilder builder = respond(new Problem(Problem.TYPE_BASE + e.slug(), title, status,
                e.getMessage(), request.path(), e.errors(), null, e.extensions()));
        if (e.kind() == DomainException.Kind.UNAVAILABLE && !(e instanceof ProblemException)) {
            builder.header("Retry-After", "1");
        }
        if (e instanceof ProblemException edge) {
            edge.headers().forEach(builder::header);
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response resourceViolations(ResteasyReactiveViolationException e, HttpServerRequest request) {
        return violations(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        boolean ourBug = e.getConstraintViolations().stream().anyMatch(v -> java.util.stream.StreamSupport
                .stream(v.getPropertyPath().spliterator(), false).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (ourBug) {
            return unexpected(e, request);
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return problem(DomainException.invalid(errors), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, HttpServerRequest request) {
        return problem(ProblemException.badRequest(pathOf(e), "unknown property: not part of this API"), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, HttpServerRequest request) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return problem(ProblemException.badRequest(pathOf(e), "cannot read " + shortValue(e.getValue())
                + " as " + expected), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidNull(InvalidNullException e, HttpServerRequest request) {
        return problem(ProblemException.badRequest(pathOf(e), "must not be null"), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, HttpServerRequest request) {
        String field = pathOf(e);
        return problem(ProblemException.badRequest(field.isEmpty() ? "body" : field, firstLine(e.getOriginalMessage())),
                request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformed(JsonParseException e, HttpServerRequest request) {
        return problem(new ProblemException(400, "malformed-json", "Malformed JSON",
                "The body is not valid JSON: " + firstLine(e.getOriginalMessage()), null), request);
    }

    /** Named itself: Quarkus maps this type to an empty 400 of its own, which the general mapper below does not beat. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpServerRequest request) {
        return otherJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response otherJson(JsonProcessingException e, HttpServerRequest request) {
        return problem(new ProblemException(400, "malformed-json", "Malformed JSON",
                "The body could not be read: " + firstLine(e.getOriginalMessage()), null), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request, "A valid bearer token is required");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request, "The bearer token was refused (expired, wrongly signed or malformed)");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e, HttpServerRequest request) {
        return unauthenticated(request, "The bearer token was refused");
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return problem(DomainException.forbidden("Your role does not allow this operation"), request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e instanceof QueryParameters.Invalid parameter) {
            return problem(parameter.toProblem(), request);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return readFailure(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        String detail = status == 404 ? "No resource at " + request.path() : e.getMessage();
        return problem(new ProblemException(status, slug, TITLES.getOrDefault(status, "Client error"), detail, null),
                request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response composite(CompositeException e, HttpServerRequest request) {
        Throwable first = e.getCauses().get(0);
        return first instanceof DomainException p ? problem(p, request) : unexpected(first, request);
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof DomainException problem) {
            return problem(problem, request);
        }
        if (e.getCause() instanceof DomainException problem) {
            return problem(problem, request);
        }
        if (DatabaseErrors.isTransient(e)) {
            LOG.warnf("Database unavailable for %s %s: %s", request.method(), loggable(request.path()), e.toString());
            return problem(ProblemException.unavailable("The database cannot be reached; retry shortly"), request);
        }
        if (DatabaseErrors.isUnstorableText(e)) {
            return problem(ProblemException.badRequest("body", "holds a character that cannot be stored (such as "
                    + "NUL) or a value of the wrong form"), request);
        }
        var unique = DatabaseErrors.uniqueViolation(e);
        if (unique.isPresent()) {
            return problem(ProblemException.conflict("duplicate", "A record with the same unique value exists ("
                    + unique.get() + ")"), request);
        }
        String correlationId = CorrelationIds.current();
        LOG.errorf(e, "Unexpected failure %s on %s %s", correlationId, request.method(), loggable(request.path()));
        Problem problem = new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "Something went wrong on our side; quote the correlation id", request.path(), null, correlationId, null);
        return respond(problem).build();
    }

    /** A body Jackson could not read, whichever way it reached us. */
    private Response readFailure(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, request);
        } else if (e instanceof InvalidFormatException format) {
            return invalidFormat(format, request);
        } else if (e instanceof InvalidNullException nul) {
            return invalidNull(nul, request);
        } else if (e instanceof JsonParseException parse) {
            return malformed(parse, request);
        } else if (e instanceof JsonMappingException mapping) {
            return mapping(mapping, request);
        }
        return otherJson(e, request);
    }

    private Response unauthenticated(HttpServerRequest request, String detail) {
        return Response.fromResponse(problem(new ProblemException(401, "unauthorized", "Unauthorized", detail, null),
                request)).header("WWW-Authenticate", "Bearer").build();
    }

    private Response.ResponseBuilder respond(Problem problem) {
        try {
            return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem", e);
        }
    }

    /** The JSON path of a violated constraint: see {@link FieldError#pathOf(Path)}. */
    public static String fieldOf(Path path) {
        return FieldError.pathOf(path);
    }

    static String pathOf(JsonMappingException e) {
        return JsonBodies.path(e);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "Instant" -> "an ISO-8601 instant (e.g. 2026-11-30T10:15:00Z)";
            case "LocalDate" -> "an ISO-8601 date (e.g. 2026-11-30)";
            case "ZoneId" -> "an IANA time zone (e.g. Europe/Berlin)";
            case "Integer", "int", "Long", "long" -> "an integer";
            default -> type.getSimpleName();
        };
    }

    private static String shortValue(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }

    private static String firstLine(String message) {
        return JsonBodies.firstLine(message);
    }

    /**
     * A path as a log line may show it: a calendar feed's path is its secret (whoever reads the log could subscribe),
     * so that segment is masked. Ids stay: logs name records by id.
     */
    static String loggable(String path) {
        return path == null ? null : path.replaceAll("^/calendar/[^/]+", "/calendar/***");
    }
}
