package io.rapport.interaction.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.TimeZoneId;

/**
 * A medical information request as received: the question verbatim, who asked for it, whether it concerns
 * off-label use and whether the KOL asked unprompted (with the MSL's attestation). The body of
 * {@code POST /medical-requests}.
 */
public record RequestDocument(
        @NotNull UUID kolId,
        UUID interactionId,
        @Size(min = 1, max = 100) String mslId,
        @NotBlank @Size(max = 4000) String question,
        @NotNull MedicalRequest.Initiator initiatedBy,
        @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String therapeuticArea,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a product code") String> products,
        @NotNull Boolean offLabel,
        @NotNull Boolean unsolicited,
        Boolean unsolicitedAttested,
        MedicalRequest.Priority priority,
        @NotNull MedicalRequest.ResponseChannel responseChannel,
        Instant receivedAt,
        @NotNull Boolean adverseEventMentioned,
        @TimeZoneId String timeZone) {

    public RequestDocument {
        products = products == null ? List.of() : List.copyOf(products);
        priority = priority == null ? MedicalRequest.Priority.STANDARD : priority;
    }
}
