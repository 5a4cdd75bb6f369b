package io.rapport.insight.domain;

import java.time.Instant;
import java.util.UUID;

/** The criteria of {@code GET /insights}; null means any. */
public record InsightSearch(String q, InsightStatus status, InsightDocument.Category category, String therapeuticArea,
        String tag, UUID kolId, String author, String team, Instant from, Instant to) {
}
