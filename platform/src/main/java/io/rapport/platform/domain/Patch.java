package io.rapport.platform.domain;

/**
 * A change to a document the caller describes relative to the current one (over HTTP a JSON Merge Patch, turned
 * into a {@code Patch} at the edge): the domain applies it to the current document and gets the new one, typed
 * and validated, without knowing the wire format.
 *
 * @param <T> the document type
 */
@FunctionalInterface
public interface Patch<T> {

    /** The document as it is after the change; an {@link DomainException.Kind#INVALID} outcome if it is not valid. */
    T applyTo(T current);
}
