package io.rapport.interaction.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interaction.domain.Channel;
import io.rapport.interaction.domain.ExternalRef;
import io.rapport.interaction.domain.Interaction;
import io.rapport.interaction.domain.InteractionKind;
import io.rapport.interaction.domain.InteractionStatus;
import io.rapport.interaction.domain.LegalBasis;
import io.rapport.interaction.domain.TransferOfValue;

/** An interaction as the API shows it, with the flags computed against the KOL's preferences. */
@Schema(name = "Interaction")
public record InteractionView(
        UUID id, UUID kolId, String mslId, String team, String recordedBy, UUID groupId, Channel channel,
        InteractionKind kind, String objective, List<String> topics, String therapeuticArea, List<String> products,
        String timeZone, Instant plannedStart, Instant occurredAt,
        @Schema(description = "The local date it counts on (occurred or planned), in its time zone") LocalDate localDate,
        Integer durationMinutes, InteractionStatus status,
        @Schema(description = "Where it may go from here") List<InteractionStatus> allowedTransitions,
        Boolean disclosureMade, String outcome, Integer feedbackScore, Boolean adverseEventMentioned,
        Boolean productComplaintMentioned, String safetyReportId, List<TransferOfValue> transfersOfValue,
        List<ExternalRef> externalIds,
        @Schema(description = "The KOL's calendar quarter it counts in against the frequency cap") String capQuarter,
        String capOverrideReason,
        @Schema(description = "Recorded beyond the KOL's cap, with a reason") boolean capOverridden,
        @Schema(description = "The channel is not one the KOL prefers") boolean offPreferenceChannel,
        @Schema(description = "Longer than the KOL's preferred meeting length") boolean overPreferredDuration,
        @Schema(description = "Who approved the cap override (never who recorded it)") String capOverrideApprovedBy,
        Instant capOverrideApprovedAt,
        String cancelReason,
        @Schema(description = "Why it may exist: the KOL's basis, or LEGAL_OBLIGATION for a safety mention") LegalBasis legalBasis,
        Instant completedAt, long version, Instant createdAt, Instant updatedAt) {

    static InteractionView from(Interaction i) {
        return new InteractionView(i.id(), i.kolId(), i.mslId(), i.team(), i.recordedBy(), i.groupId(), i.channel(),
                i.kind(), i.objective(), i.topics(), i.therapeuticArea(), i.products(), i.timeZone(), i.plannedStart(),
                i.occurredAt(), i.localDate(), i.durationMinutes(), i.status(), i.status().next(), i.disclosureMade(),
                i.outcome(), i.feedbackScore(), i.adverseEventMentioned(), i.productComplaintMentioned(),
                i.safetyReportId(), i.transfersOfValue(), i.externalIds(), i.capQuarter(), i.capOverrideReason(),
                i.capOverridden(), i.offPreferenceChannel(), i.overPreferredDuration(), i.capOverrideApprovedBy(),
                i.capOverrideApprovedAt(), i.cancelReason(), i.legalBasis(), i.completedAt(), i.version(), i.createdAt(),
                i.updatedAt());
    }
}
