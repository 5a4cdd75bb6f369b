package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The plan of an interaction: what may change freely while it is PLANNED. */
public record InteractionDraft(UUID kolId, UUID groupId, Channel channel, InteractionKind kind, String objective,
        List<String> topics, String therapeuticArea, List<String> products, String timeZone, Instant plannedStart,
        Integer durationMinutes, String capOverrideReason, List<ExternalRef> externalIds) {

    public InteractionDraft {
        topics = topics == null ? List.of() : List.copyOf(topics);
        products = products == null ? List.of() : List.copyOf(products);
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
    }
}
