package io.rapport.platform.domain;

import java.util.Objects;

/**
 * The version of a record a caller read and means to change (optimistic concurrency): over HTTP it comes from
 * {@code If-Match}, from a Kafka command or a job it is the version the caller holds. A change goes ahead only
 * while the record is still at that version.
 *
 * <p>
 * When the edge could not tell a version (no {@code If-Match}, or not one of our ETags) it hands the domain an
 * expected version that refuses when checked: the domain checks where it always did, after it found the record
 * and the caller may see it, so an unknown record is still a 404 and not a complaint about a header.
 */
public final class ExpectedVersion {

    private final long value;
    private final DomainException refusal;

    public ExpectedVersion(long value) {
        this(value, null);
    }

    private ExpectedVersion(long value, DomainException refusal) {
        this.value = value;
        this.refusal = refusal;
    }

    public static ExpectedVersion of(long value) {
        return new ExpectedVersion(value);
    }

    /** No version could be read from the caller's request: {@code refusal} is what checking it throws. */
    public static ExpectedVersion refusedWith(DomainException refusal) {
        return new ExpectedVersion(-1, Objects.requireNonNull(refusal));
    }

    /** The version the caller read (the refusal if there is none). */
    public long value() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }

    /** A {@link DomainException.Kind#STALE} outcome unless the record is still at the version the caller read. */
    public void check(long current) {
        if (value() != current) {
            throw DomainException.stale(current);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectedVersion that && value == that.value && Objects.equals(refusal, that.refusal);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return refusal == null ? "ExpectedVersion[" + value + "]" : "ExpectedVersion[refused: " + refusal.slug() + "]";
    }
}
