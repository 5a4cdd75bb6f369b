package io.rapport.platform.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import io.rapport.platform.validation.Uuids;

/**
 * A malformed query parameter ({@code ?status=BOGUS}, {@code ?from=yesterday}, {@code ?limit=ten}) is the
 * client's mistake: 400 naming the parameter and what it expects. Jakarta REST would answer 404 (spec 3.2),
 * which sends an integrator looking for a missing resource. Path parameters keep the 404: a malformed id
 * names no resource. Paging parameters end up here too ({@code limit} is an integer);
 * {@link io.rapport.platform.paging.PageRequest}
 * refuses the values that are readable but wrong (out of range, a cursor this API did not issue).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = queryParam(annotations);
        if (query == null) {
            return null;
        }
        String name = query.value();
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.toString(type.getEnumConstants());
            return (ParamConverter<T>) converter(name, "one of " + allowed, value -> enumValue(type, value));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "a UUID", Uuids::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, "an ISO-8601 instant such as 2026-12-01T09:00:00Z", Instant::parse);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "an ISO-8601 date such as 2026-12-01", LocalDate::parse);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "an integer", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "an integer", Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", QueryParameters::strictBoolean);
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (RuntimeException e) {
                    throw new Invalid(name, "must be " + expected + ", not '" + abbreviate(value) + "'");
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /**
     * A query parameter that could not be read. A {@link BadRequestException}, because Jakarta REST turns any
     * other exception of a converter into a 404; {@link ProblemMappers} answers it as the same 400 problem as
     * any other invalid field ({@code errors[0].field} names the parameter), so {@code ?limit=ten} and
     * {@code ?limit=501} look alike to a client.
     */
    public static final class Invalid extends BadRequestException {

        private final String parameter;
        private final String problem;

        Invalid(String parameter, String problem) {
            super("Query parameter '" + parameter + "' " + problem);
            this.parameter = parameter;
            this.problem = problem;
        }

        public ProblemException toProblem() {
            return ProblemException.badRequest(parameter, problem);
        }
    }

    /** The constant's name, or the same in lower case with hyphens: {@code NO_SHOW}, {@code no-show}. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Enum<?> enumValue(Class<? extends Enum> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            if (!value.equals(value.toLowerCase(Locale.ROOT))) {
                throw e;
            }
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    private static QueryParam queryParam(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query;
            }
        }
        return null;
    }
}
