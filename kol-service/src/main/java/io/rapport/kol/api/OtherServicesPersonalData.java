package io.rapport.kol.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.kol.config.PrivacyConfig;
import io.rapport.kol.config.ServiceUrls;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.replica.RemoteReplicas;
import io.smallrye.mutiny.Uni;

/**
 * The other services' parts of an Art. 15 answer: each one's {@code GET /api/v1/kols/{kolId}/personal-data}, asked
 * at once with the caller's token and a timeout of its own ({@code rapport.privacy.export-timeout}, 10 s: a service
 * may hold years of the KOL's history), outside the replica lookups' circuit breaker.
 * All or nothing: an answer that leaves out a service would be an incomplete answer given as a complete one, so
 * any service that cannot answer makes it a 503 naming that service.
 */
@ApplicationScoped
public class OtherServicesPersonalData {

    private static final Logger LOG = Logger.getLogger(OtherServicesPersonalData.class);
    /** Long enough for a service to come back or its breaker to close; an access request is not urgent. */
    static final String RETRY_AFTER_SECONDS = "10";

    private final RemoteReplicas remote;
    private final PrivacyConfig config;
    private final ServiceUrls urls;

    public OtherServicesPersonalData(RemoteReplicas remote, PrivacyConfig config, ServiceUrls urls) {
        this.remote = remote;
        this.config = config;
        this.urls = urls;
    }

    /** Each service's answer by its name, in the configured order; a 503 problem when any cannot answer. */
    public Uni<Map<String, JsonNode>> of(UUID kolId) {
        List<String> services = config.services();
        if (services.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Answer>> asks = services.stream().map(service -> ask(service, kolId)).toList();
        return Uni.combine().all().unis(asks).with(Answer.class, answers -> {
            List<String> missing = new ArrayList<>();
            Map<String, JsonNode> parts = new LinkedHashMap<>();
            for (Answer answer : answers) {
                if (answer.data() == null) {
                    missing.add(answer.service());
                } else {
                    parts.put(answer.service(), answer.data());
                }
            }
            if (!missing.isEmpty()) {
                throw ProblemException.unavailable("Everything held about the KOL cannot be listed now: "
                        + String.join(", ", missing) + " did not answer; retry "
                        + "later")
                        .with("services", missing).header("Retry-After", RETRY_AFTER_SECONDS);
            }
            return parts;
        });
    }

    private Uni<Answer> ask(String service, UUID kolId) {
        String url = urls.of(service) + "/api/v1/kols/" + kolId + "/personal-data";
        return Uni.createFrom().deferred(() -> remote.fetch(url, config.exportTimeout()))
                .map(data -> {
                    if (data == null || !data.path("records").isObject()) {
                        // 404 (no such endpoint) or not the contract: an answer we cannot vouch for is no answer
                        throw new IllegalStateException(url + " did not answer with its records");
                    }
                    return new Answer(service, data);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Art. 15: %s could not answer for KOL %s (%s)", service, kolId, e.toString());
                    return new Answer(service, null);
                });
    }

    private record Answer(String service, JsonNode data) {
    }
}
