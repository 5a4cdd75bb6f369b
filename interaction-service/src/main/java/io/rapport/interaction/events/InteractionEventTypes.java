package io.rapport.interaction.events;

import io.rapport.interaction.domain.InteractionEvents;

/** Topics and CloudEvents types of interaction-service (documented in docs/events/asyncapi.yaml). */
public final class InteractionEventTypes {

    /** Owned by the domain, which appends an erasure's confirmation itself. */
    public static final String TOPIC = InteractionEvents.TOPIC;

    public static final String PREFIX = "rapport.";
    public static final String SUFFIX = ".v1";

    public static final String RESOURCE_APPROVED = "rapport.resource.approved.v1";
    public static final String RESOURCE_WITHDRAWN = "rapport.resource.withdrawn.v1";

    private InteractionEventTypes() {
    }

    /** "rapport.interaction.no-show.v1" for ("interaction", NO_SHOW). */
    public static String type(String aggregate, Enum<?> change) {
        return PREFIX + aggregate + "." + change.name().toLowerCase().replace('_', '-') + SUFFIX;
    }
}
