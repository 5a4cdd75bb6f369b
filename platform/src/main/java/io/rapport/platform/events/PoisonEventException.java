package io.rapport.platform.events;

/** A message that can never be processed (unparseable, or failing its schema): it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}
