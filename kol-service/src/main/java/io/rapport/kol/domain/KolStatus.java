package io.rapport.kol.domain;

/** ACTIVE and INACTIVE are set by users; ERASED only by a GDPR Art. 17 erasure, and is final. */
public enum KolStatus {
    ACTIVE,
    INACTIVE,
    ERASED
}
