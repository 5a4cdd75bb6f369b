package io.rapport.interaction.domain;

import io.smallrye.mutiny.Uni;

/**
 * What the domain tells the rest of Rapport, in the transaction of the change; every state transition has
 * its own event type. Implemented in {@code events}, where the published shapes live.
 */
public interface InteractionEvents {

    /**
     * The topic everything this service tells goes to, the confirmation of an erasure included (which the domain
     * appends itself, with the steps every service shares).
     */
    String TOPIC = "rapport.interaction.v1";

    enum InteractionChange {
        PLANNED,
        COMPLETED,
        CANCELLED,
        NO_SHOW,
        AMENDED,
        UPDATED
    }

    enum FollowUpChange {
        CREATED,
        UPDATED,
        COMPLETED,
        DROPPED
    }

    enum RequestChange {
        RECEIVED,
        FLAGGED,
        CLEARED,
        ANSWERED,
        FORWARDED,
        WITHDRAWN
    }

    Uni<Void> interaction(Interaction interaction, InteractionChange change);

    Uni<Void> followUp(FollowUp followUp, FollowUpChange change);

    Uni<Void> medicalRequest(MedicalRequest request, RequestChange change);

    /** An adverse event or product complaint was mentioned: Drug Safety must have it within a business day. */
    Uni<Void> safetyReportDue(FollowUp followUp, boolean adverseEvent, boolean productComplaint);
}
