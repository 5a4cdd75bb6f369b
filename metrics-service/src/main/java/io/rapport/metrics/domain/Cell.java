package io.rapport.metrics.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one aggregate adds on one local day, with the dimensions it is counted under: MSL, team, KOL (may be
 * absent: an anonymous insight) and therapeutic area (may be absent).
 */
public record Cell(LocalDate day, String msl, String team, UUID kol, String area, Map<String, Long> counters) {

    public Cell {
        counters = new TreeMap<>(counters);
    }

    /** A cell to fill with {@link #add}. */
    public static Cell on(LocalDate day, String msl, String team, UUID kol, String area) {
        return new Cell(day, msl, team, kol, area, Map.of());
    }

    public Cell add(String counter, long value) {
        if (value != 0) {
            counters.merge(counter, value, Long::sum);
        }
        return this;
    }

    public Cell addIf(boolean condition, String counter) {
        return condition ? add(counter, 1) : this;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return counters.isEmpty();
    }
}
