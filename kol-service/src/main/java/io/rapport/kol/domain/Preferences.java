package io.rapport.kol.domain;

import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * How the KOL wants to be met: preferred channels and meeting length, and the most contacts per calendar
 * quarter (null: no cap; 0: no contact at all). Notes are free text and stay in this service.
 */
public record Preferences(
        Set<Channel> channels,
        @Min(5) @Max(480) Integer meetingLengthMinutes,
        @Min(0) @Max(100) Integer maxContactsPerQuarter,
        @Size(max = 2000) String notes) {

    public Preferences {
        channels = channels == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(channels));
    }

    public static Preferences none() {
        return new Preferences(Set.of(), null, null, null);
    }
}
