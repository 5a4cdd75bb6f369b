package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;

/** The corrections allowed after completion, and why (audited, published as its own event). */
public record Amendment(String outcome, Integer feedbackScore, List<String> topics, Integer durationMinutes,
        Instant occurredAt, String reason) {
}
