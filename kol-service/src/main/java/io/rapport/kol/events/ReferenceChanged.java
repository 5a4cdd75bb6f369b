package io.rapport.kol.events;

import java.util.List;

/**
 * Data of the rapport.reference.v1 events: codes, names of areas, products and research topics, the directory without names.
 */
public final class ReferenceChanged {

    private ReferenceChanged() {
    }

    public record TherapeuticArea(String code, String name, long aggregateVersion) {
    }

    public record Product(String code, String name, String therapeuticArea, List<String> markets, long aggregateVersion) {
    }

    /** A code of the research-topic vocabulary and its display name (company reference data, not personal). */
    public record ResearchTopic(String code, String name, long aggregateVersion) {
    }

    /** The directory entry without the display name (personal data stays in kol-service). */
    public record Msl(String userId, String team, String manager, List<String> territoryCountries,
            List<String> therapeuticAreas, String timeZone, long aggregateVersion) {
    }
}
