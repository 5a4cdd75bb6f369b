package io.rapport.kol.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a data-protection officer shows to prove an erasure (GDPR Art. 17, Art. 5(2)): when it was requested, by
 * whom and why, how often its event went out, and for each service that holds the KOL's data whether it has
 * confirmed, when and with what counts. Complete once every expected service has confirmed.
 */
public record ErasureProof(UUID kolId, Instant requestedAt, String requestedBy, String reason, int timesSent,
        Instant lastSentAt, List<ServiceConfirmation> services, boolean complete) {

    /** The erasure as stored when it was requested. */
    public record Request(UUID kolId, Instant requestedAt, String requestedBy, String reason, int timesSent,
            Instant lastSentAt) {
    }

    /** A service's confirmation as stored: the first one's time and counts, and how many arrived. */
    public record Confirmation(String service, Instant confirmedAt, int recordsErased, int recordsHeld,
            int confirmations, Instant lastConfirmedAt) {
    }

    /** One expected service: confirmed or not (then the other members are null). */
    public record ServiceConfirmation(String service, boolean confirmed, Instant confirmedAt, Integer recordsErased,
            Integer recordsHeld, Integer confirmations, Instant lastConfirmedAt) {
    }

    public static ErasureProof of(Request request, List<Confirmation> confirmations, List<String> expected) {
        Map<String, Confirmation> byService = confirmations.stream()
                .collect(Collectors.toMap(Confirmation::service, Function.identity()));
        List<ServiceConfirmation> services = expected.stream().map(service -> {
            Confirmation c = byService.get(service);
            return c == null ? new ServiceConfirmation(service, false, null, null, null, null, null)
                    : new ServiceConfirmation(service, true, c.confirmedAt(), c.recordsErased(), c.recordsHeld(),
                            c.confirmations(), c.lastConfirmedAt());
        }).toList();
        return new ErasureProof(request.kolId(), request.requestedAt(), request.requestedBy(), request.reason(),
                request.timesSent(), request.lastSentAt(), services,
                services.stream().allMatch(ServiceConfirmation::confirmed));
    }
}
