package io.rapport.devstack;

/** A devstack part could not start or stop; the message says what is missing and how to fix it. */
public class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
