package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.UUID;

/** An entry of a KOL's timeline: what it is, when, its status and one detail (channel, kind or priority). */
public record TimelineEntry(Type type, UUID id, Instant at, String status, String detail) {

    public enum Type { INTERACTION, FOLLOW_UP, MEDICAL_REQUEST }
}
