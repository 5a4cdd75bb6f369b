package io.rapport.platform.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * The one Kafka client configuration of a service: every {@code kafka.*} property (in the environment
 * {@code KAFKA_*}), as Quarkus collects it into its default Kafka configuration ({@code default-kafka-broker}),
 * which every SmallRye Kafka channel already starts from. The platform's own clients start from it too: the
 * outbox relay's producer, the Kafka health check's admin client and a projection rebuild's consumer. So the
 * bootstrap servers, TLS ({@code kafka.security.protocol}, {@code kafka.ssl.*}, or {@code kafka.tls-configuration-name}
 * naming a Quarkus TLS configuration) and SASL ({@code kafka.sasl.*}) are set once and reach every client.
 *
 * <p>
 * A client's own settings win over the shared ones (the relay keeps {@code acks=all} and idempotence whatever is
 * shared). The shared {@code group.id} (Quarkus adds the application name) is left out: a consumer's group is its
 * own. A shared {@code client.id} becomes the prefix of each client's id ({@code <client.id>-outbox}); by default the
 * prefix is the application name.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> shared;
    private final String prefix;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> shared,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        Map<String, Object> copy = new HashMap<>(shared);
        copy.remove(CommonClientConfigs.GROUP_ID_CONFIG);
        Object clientId = copy.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
        this.shared = Collections.unmodifiableMap(copy);
        this.prefix = clientId == null || clientId.toString().isBlank() ? service : clientId.toString();
    }

    /** The shared settings, as Kafka client properties (without {@code group.id} and {@code client.id}). */
    public Map<String, Object> shared() {
        return shared;
    }

    /** The configuration of one client: the shared settings, then its own, and its id {@code <prefix>-<role>}. */
    public Map<String, Object> client(String role, Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(shared);
        config.putAll(own);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId(role));
        return config;
    }

    public String clientId(String role) {
        return prefix + "-" + role;
    }
}
