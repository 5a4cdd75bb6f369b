package io.rapport.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.rapport.platform.config.PlatformConfig;
import io.rapport.platform.outbox.OutboxRelay;
import io.smallrye.health.api.Wellness;

/** The outbox backlog, under {@code /q/health/well}: DOWN when events have waited longer than allowed. */
@Wellness
@ApplicationScoped
public class OutboxWellness implements HealthCheck {

    private final OutboxRelay relay;
    private final PlatformConfig config;

    public OutboxWellness(OutboxRelay relay, PlatformConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean fresh = relay.oldestAgeSeconds() <= config.outbox().maxBacklogAge().toSeconds();
        var response = HealthCheckResponse.named("outbox").status(fresh)
                .withData("backlog", relay.backlog())
                .withData("oldestAgeSeconds", relay.oldestAgeSeconds());
        if (relay.lastFailure() != null) {
            response.withData("lastFailure", relay.lastFailure());
        }
        if (relay.lastPublishedAt() != null) {
            response.withData("lastPublishedAt", relay.lastPublishedAt().toString());
        }
        return response.build();
    }
}
