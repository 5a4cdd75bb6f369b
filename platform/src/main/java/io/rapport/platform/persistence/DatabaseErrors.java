package io.rapport.platform.persistence;

import java.net.ConnectException;
import java.util.Optional;
import java.util.Set;

import io.vertx.pgclient.PgException;

/** Tells what a failure from the database means, whatever layer (Hibernate, Mutiny, Vert.x) wrapped it. */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE classes and codes that mean "the database is not there right now", not "your data is wrong". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    /** character_not_in_repertoire, untranslatable_character (a NUL in text), invalid_text_representation. */
    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05", "22P02");

    private DatabaseErrors() {
    }

    /** True when retrying later may succeed: connection refused or lost, pool timeout, server shutting down. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (t.getClass().getName().startsWith("io.vertx") && (message.contains("Connection refused")
                    || message.contains("closed") || message.contains("Timeout") || message.contains("timed out"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database refused a value the request carried as text it cannot hold (a NUL character,
     * an invalid byte sequence): the caller's input is wrong, nothing was written.
     */
    public static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
            if (state != null && UNSTORABLE_TEXT_STATES.contains(state)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the unique constraint a failure violated, if that is what it is. */
    public static Optional<String> uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return Optional.ofNullable(pg.getConstraint()).or(() -> Optional.of("unknown"));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return Optional.ofNullable(violation.getConstraintName()).or(() -> Optional.of("unknown"));
            }
        }
        return Optional.empty();
    }
}
