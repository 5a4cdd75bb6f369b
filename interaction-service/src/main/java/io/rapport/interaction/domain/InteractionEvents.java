package io.rapport.interaction.domain;

import io.rapport.platform.privacy.ErasureConfirmation;
import io.smallrye.mutiny.Uni;

/**
 * What the domain tells the rest of Rapport, in the transaction of the change; every state transition has
 * its own event type. Implemented in {@code events}, where the published shapes live.
 */
public interface InteractionEvents {

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

    /** This service applied a KOL's erasure: kol-service collects these as the proof of Art. 17. */
    Uni<Void> erasureConfirmed(ErasureConfirmation confirmation);
}
