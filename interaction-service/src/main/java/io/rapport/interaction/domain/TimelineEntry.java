package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of a KOL's timeline: what it is, when, its status, one detail (channel, kind or priority) and the MSL.
 * Another team's completed interaction shows only as a {@code CONTACT}: who met the KOL and when, without its
 * id, status or content (so MSLs do not contact a KOL twice, and nothing else of another team's work leaks).
 */
public record TimelineEntry(Type type, UUID id, Instant at, String status, String detail, String mslId) {

    public enum Type {
        INTERACTION,
        FOLLOW_UP,
        MEDICAL_REQUEST,
        CONTACT
    }

    /** Another team's meeting with the KOL. */
    public static TimelineEntry contact(Instant at, String mslId) {
        return new TimelineEntry(Type.CONTACT, null, at, null, null, mslId);
    }
}
