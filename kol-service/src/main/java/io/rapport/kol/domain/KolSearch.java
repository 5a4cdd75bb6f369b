package io.rapport.kol.domain;

/** The criteria of {@code GET /kols}; null means "any". */
public record KolSearch(String q, String therapeuticArea, String specialty, Integer tier, String country,
        String assignedMsl, KolStatus status) {
}
