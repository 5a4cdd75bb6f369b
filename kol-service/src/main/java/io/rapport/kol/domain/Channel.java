package io.rapport.kol.domain;

/** How a KOL likes to be met. */
public enum Channel {
    IN_PERSON,
    VIDEO,
    PHONE,
    EMAIL,
    CONGRESS
}
