package io.rapport.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the shared technical parts; every service inherits the defaults. */
@ConfigMapping(prefix = "rapport.platform")
public interface PlatformConfig {

    /**
     * Prepended to every Kafka topic name this service produces to or consumes from. Empty in production;
     * tests that share a running devstack set it so their topics never mix with anybody else's.
     */
    Optional<String> topicPrefix();

    Outbox outbox();

    /**
     * Where kol-service answers: the owner of the MSL directory and of KOLs, asked when a local replica does
     * not know one yet.
     */
    @WithDefault("http://localhost:8081")
    String kolServiceUrl();

    Datasource datasource();

    /**
     * What this service keeps replicas of, by replica kind (the {@code kind} of its {@code replica} rows): which
     * other services' events feed each kind and where their data names the aggregate. The platform knows no
     * service's events; each consuming service lists the ones it reads in its application.properties.
     */
    Map<String, ReplicaKind> replicas();

    interface ReplicaKind {

        /** The CloudEvents types that carry this kind; an entry ending in {@code *} matches by prefix. */
        List<String> events();

        /** The member of the event data holding the aggregate's id (e.g. {@code kolId}, {@code code}). */
        String key();

        /** Whether that id is a UUID (an event naming another is poison); codes and user ids are not. */
        @WithDefault("true")
        boolean uuidKey();

        /** The event type after which the consumer erases the KOL's data here (GDPR Art. 17), if any. */
        Optional<String> erasedBy();
    }

    /** Largest request body accepted, in bytes, except on endpoints that stream their body (bulk import). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** How long an {@code Idempotency-Key} is remembered. */
    @WithDefault("PT24H")
    Duration idempotencyKeyRetention();

    /**
     * How long the id of an applied event is remembered in {@code processed_event} (the idempotent consumers'
     * memory); older ids are pruned hourly. Far longer than Kafka redelivers anything: see
     * {@code Housekeeping}.
     */
    @WithDefault("P30D")
    Duration processedEventRetention();

    interface Outbox {

        /** Whether this instance runs a relay; several may, only one publishes at a time. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows published per relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** The relay also wakes on this timer, so a row whose notification was missed still goes out. */
        @WithDefault("PT1S")
        Duration sweepInterval();

        /** Published rows are deleted after this age. */
        @WithDefault("P7D")
        Duration retention();

        /** How often published rows past their retention are deleted. */
        @WithDefault("PT1H")
        Duration cleanupInterval();

        /**
         * The producer's {@code linger.ms}. The relay already hands Kafka whole batches, so waiting for more
         * records only adds latency; 0 by default.
         */
        @WithDefault("0")
        int lingerMs();

        /** The wellness check reports DOWN when the oldest unpublished row is older than this. */
        @WithDefault("PT60S")
        Duration maxBacklogAge();
    }

    interface Datasource {

        /** A request that cannot get a connection fails after this long (then 503), never hangs. */
        @WithDefault("PT2S")
        Duration acquireTimeout();

        /** TCP connect timeout to PostgreSQL. */
        @WithDefault("PT1S")
        Duration connectTimeout();
    }
}
