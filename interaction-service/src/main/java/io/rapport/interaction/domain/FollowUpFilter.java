package io.rapport.interaction.domain;

import java.util.UUID;

import io.rapport.platform.security.Visibility;

/** The criteria of {@code GET /follow-ups}, within what the caller may see; null means any. */
public record FollowUpFilter(Visibility.Scope scope, String assignee, FollowUp.Status status, Boolean overdue, UUID kolId) {
}
