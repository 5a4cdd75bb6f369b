package io.rapport.interaction.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.interaction.domain.FollowUp;
import io.rapport.interaction.domain.Interaction;
import io.rapport.interaction.domain.InteractionEvents;
import io.rapport.interaction.domain.MedicalRequest;
import io.rapport.platform.outbox.DomainEvent;
import io.rapport.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Puts each change on the outbox, in the transaction of the change, keyed by the aggregate id. */
@ApplicationScoped
public class InteractionEventPublisher implements InteractionEvents {

    private final Outbox outbox;

    public InteractionEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> interaction(Interaction interaction, InteractionChange change) {
        return publish(InteractionEventTypes.type("interaction", change), interaction.id(),
                InteractionData.InteractionState.of(interaction));
    }

    @Override
    public Uni<Void> followUp(FollowUp followUp, FollowUpChange change) {
        return publish(InteractionEventTypes.type("followup", change), followUp.id(),
                InteractionData.FollowUpState.of(followUp));
    }

    @Override
    public Uni<Void> medicalRequest(MedicalRequest request, RequestChange change) {
        return publish(InteractionEventTypes.type("medical-request", change), request.id(),
                InteractionData.MedicalRequestState.of(request));
    }

    @Override
    public Uni<Void> safetyReportDue(FollowUp followUp, boolean adverseEvent, boolean productComplaint) {
        return publish("rapport.safety.report-due.v1", followUp.id(), new InteractionData.SafetyReportDue(followUp.id(),
                followUp.interactionId(), followUp.medicalRequestId(), followUp.kolId(), followUp.assignee(),
                followUp.team(), adverseEvent, productComplaint, followUp.dueDate(), followUp.timeZone(),
                followUp.version(), followUp.createdAt()));
    }

    private Uni<Void> publish(String type, Object aggregateId, Object data) {
        return outbox.append(DomainEvent.of(InteractionEventTypes.TOPIC, type, aggregateId, data));
    }
}
