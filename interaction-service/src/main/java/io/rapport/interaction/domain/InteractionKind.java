package io.rapport.interaction.domain;

/** A group meeting or an advisory board is one interaction per KOL, sharing a group id. */
public enum InteractionKind {
    ONE_TO_ONE,
    GROUP,
    ADVISORY_BOARD,
    CONGRESS_MEETING
}
