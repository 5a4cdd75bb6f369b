package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.TimeZoneId;

/**
 * An interaction as a client writes it: the body of {@code POST /interactions} and of the CRM upsert, and the
 * document a merge patch applies to. {@code status} is PLANNED (the default) or COMPLETED, for an interaction
 * logged after the fact with its completion fields.
 */
public record InteractionDocument(
        @NotNull UUID kolId,
        @Size(min = 1, max = 100) String mslId,
        UUID groupId,
        @NotNull Channel channel,
        @NotNull InteractionKind kind,
        @NotNull @Size(min = 10, max = 2000, message = "a purpose of 10 to 2000 characters") String objective,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "a lower-case keyword") String> topics,
        @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String therapeuticArea,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a product code") String> products,
        @TimeZoneId String timeZone,
        Instant plannedStart,
        @Min(1) @Max(1440) Integer durationMinutes,
        InteractionStatus status,
        Instant occurredAt,
        Boolean disclosureMade,
        @Size(max = 4000) String outcome,
        @Min(1) @Max(5) Integer feedbackScore,
        Boolean adverseEventMentioned,
        Boolean productComplaintMentioned,
        @Size(max = 100) String safetyReportId,
        @Size(max = 20) List<@NotNull @Valid TransferOfValue> transfersOfValue,
        @Size(max = 10) List<@NotNull @Valid ExternalRef> externalIds,
        @Size(max = 500) String capOverrideReason) {

    /** What may change while PLANNED. */
    public static final Set<String> PLAN_FIELDS = Set.of("groupId", "channel", "kind", "objective", "topics",
            "therapeuticArea", "products", "timeZone", "plannedStart", "durationMinutes", "capOverrideReason");
    /** What may still be corrected after completion (with an amendment reason, within the window). */
    public static final Set<String> AMENDABLE_FIELDS = Set.of("outcome", "feedbackScore", "topics", "durationMinutes",
            "occurredAt");

    public InteractionDocument {
        topics = topics == null ? List.of() : List.copyOf(topics);
        products = products == null ? List.of() : List.copyOf(products);
        transfersOfValue = transfersOfValue == null ? List.of() : List.copyOf(transfersOfValue);
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
        status = status == null ? InteractionStatus.PLANNED : status;
        // PostgreSQL keeps microseconds: a document read back must equal the one written
        plannedStart = micros(plannedStart);
        occurredAt = micros(occurredAt);
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public InteractionDraft draft() {
        return new InteractionDraft(kolId, groupId, channel, kind, objective, topics, therapeuticArea, products, timeZone,
                plannedStart, durationMinutes, capOverrideReason, externalIds);
    }

    /** The completion part, or null for a PLANNED document. */
    public Completion completion() {
        return status == InteractionStatus.COMPLETED ? new Completion(occurredAt, durationMinutes, outcome,
                disclosureMade, feedbackScore, adverseEventMentioned, productComplaintMentioned, safetyReportId,
                transfersOfValue, topics) : null;
    }

    /** The document an interaction is now. */
    public static InteractionDocument of(Interaction i) {
        return new InteractionDocument(i.kolId(), i.mslId(), i.groupId(), i.channel(), i.kind(), i.objective(), i.topics(),
                i.therapeuticArea(), i.products(), i.timeZone(), i.plannedStart(), i.durationMinutes(), i.status(),
                i.occurredAt(), i.disclosureMade(), i.outcome(), i.feedbackScore(), i.adverseEventMentioned(),
                i.productComplaintMentioned(), i.safetyReportId(), i.transfersOfValue(), i.externalIds(),
                i.capOverrideReason());
    }

    public InteractionDocument withMsl(String msl, String zone) {
        return new InteractionDocument(kolId, msl, groupId, channel, kind, objective, topics, therapeuticArea, products,
                timeZone == null ? zone : timeZone, plannedStart, durationMinutes, status, occurredAt, disclosureMade,
                outcome, feedbackScore, adverseEventMentioned, productComplaintMentioned, safetyReportId,
                transfersOfValue, externalIds, capOverrideReason);
    }

    public InteractionDocument withExternalId(ExternalRef ref) {
        List<ExternalRef> ids = new java.util.ArrayList<>(externalIds);
        if (ids.stream().noneMatch(e -> e.system().equals(ref.system()))) {
            ids.add(ref);
        }
        return new InteractionDocument(kolId, mslId, groupId, channel, kind, objective, topics, therapeuticArea, products,
                timeZone, plannedStart, durationMinutes, status, occurredAt, disclosureMade, outcome, feedbackScore,
                adverseEventMentioned, productComplaintMentioned, safetyReportId, transfersOfValue, ids, capOverrideReason);
    }
}
