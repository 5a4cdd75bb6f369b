package io.rapport.interaction.domain;

/** How an interaction takes place. */
public enum Channel {
    IN_PERSON,
    VIDEO,
    PHONE,
    EMAIL,
    CONGRESS
}
