package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.UUID;

import io.rapport.platform.security.Visibility;

/** The criteria of {@code GET /interactions}, within what the caller may see; null means any. */
public record InteractionFilter(Visibility.Scope scope, UUID kolId, String mslId, String team,
        InteractionStatus status, Channel channel, UUID groupId, Instant from, Instant to) {
}
