package io.rapport.platform.health;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.quarkus.runtime.ShutdownEvent;
import io.rapport.platform.config.KafkaClients;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;

/**
 * Kafka reachability, under {@code /q/health/well}: a Kafka outage must not take the service out of rotation
 * (readiness checks the database only), because the outbox keeps accepting writes meanwhile. Its admin client
 * takes the service's shared Kafka settings (TLS, SASL), like every other client.
 */
@Wellness
@ApplicationScoped
public class KafkaWellness implements AsyncHealthCheck {

    private final KafkaClients clients;
    private final String bootstrapServers;
    private volatile Admin admin;

    public KafkaWellness(KafkaClients clients) {
        this.clients = clients;
        this.bootstrapServers = String.valueOf(clients.shared().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> admin().describeCluster(new DescribeClusterOptions()
                .timeoutMs(2000)).nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named("kafka").up().withData("brokers", nodes.size())
                        .withData("bootstrap", bootstrapServers).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("kafka").down()
                        .withData("bootstrap", bootstrapServers).withData("error", String.valueOf(e.getMessage()))
                        .build());
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(clients.client("health", Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            "2000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000")));
                }
            }
        }
        return admin;
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
