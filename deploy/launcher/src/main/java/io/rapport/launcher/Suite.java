package io.rapport.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.rapport.devstack.DevTokens;
import io.rapport.devstack.Devstack;

/**
 * The whole of Rapport on this machine: the devstack (PostgreSQL and Kafka) and the four services from their
 * built jars in the production profile, with this installation's key pair and secrets. One piece of code for
 * {@code deploy/run-local}, the end-to-end test, the benchmark and the drills.
 */
public final class Suite implements AutoCloseable {

    /**
     * The service JVMs' settings, sized for many processes on 2 cores and a memory budget of 250 MiB each: a small
     * heap and the serial collector, bounded code cache, direct memory and Netty arenas.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=48m", "-Dio.netty.allocator.numDirectArenas=1",
            "-Dio.netty.allocator.numHeapArenas=1", "-Djava.net.preferIPv4Stack=true");

    /**
     * Where and how to run: the repository (for the jars), the data folder, ports (0 = any free one), whether to
     * wipe the data first, and extra settings per service.
     */
    public record Options(Path root, Path dataDir, int postgresPort, int kafkaPort, Map<Service, Integer> ports,
            boolean fresh, boolean durable, Map<Service, Map<String, String>> config) {

        /** The local suite: fixed ports, durable data under deploy/.local. */
        public static Options local(Path root) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, s.defaultPort());
            }
            return new Options(root, root.resolve("deploy/.local"), 15432, 19092, ports, false, true, Map.of());
        }

        /** A throw-away suite on free ports (end-to-end test, drills). */
        public static Options scratch(Path root, Path dataDir) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, 0);
            }
            return new Options(root, dataDir, 0, 0, ports, true, false, Map.of());
        }

        public Options withPorts(int postgres, int kafka, Map<Service, Integer> servicePorts) {
            return new Options(root, dataDir, postgres, kafka, servicePorts, fresh, durable, config);
        }

        public Options fresh(boolean wipe) {
            return new Options(root, dataDir, postgresPort, kafkaPort, ports, wipe, durable, config);
        }

        public Options durable(boolean keep) {
            return new Options(root, dataDir, postgresPort, kafkaPort, ports, fresh, keep, config);
        }

        /** Extra settings for one service (system properties of its JVM). */
        public Options with(Service service, Map<String, String> settings) {
            Map<Service, Map<String, String>> all = new EnumMap<>(Service.class);
            all.putAll(config);
            Map<String, String> merged = new HashMap<>(config.getOrDefault(service, Map.of()));
            merged.putAll(settings);
            all.put(service, merged);
            return new Options(root, dataDir, postgresPort, kafkaPort, ports, fresh, durable, all);
        }
    }

    private final Options options;
    private final Devstack devstack;
    private final LocalSecrets secrets;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    /** The port of each service, known before any starts (kol-service is told the others'). */
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extraInstances = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "suite-shutdown");
    private boolean closed;

    private Suite(Options options, Devstack devstack, LocalSecrets secrets) {
        this.options = options;
        this.devstack = devstack;
        this.secrets = secrets;
    }

    /** Starts PostgreSQL and Kafka only, with the four databases. */
    public static Suite startInfra(Options options, Consumer<String> progress) {
        Path devstackDir = options.dataDir().resolve("devstack");
        if (options.fresh()) {
            progress.accept("wiping " + devstackDir);
            Devstack.wipe(devstackDir);
        }
        progress.accept("starting PostgreSQL and Kafka");
        Devstack devstack = Devstack.start(new Devstack.Options(devstackDir, options.postgresPort(), options.kafkaPort(),
                options.durable()));
        devstack.advertise(devstackDir.resolve("devstack.properties"));
        devstack.stopOnlyWhenClosed();
        for (Service s : Service.values()) {
            devstack.endpoints().createDatabase(s.database());
        }
        Suite suite = new Suite(options, devstack, LocalSecrets.in(options.dataDir().resolve("secrets")));
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        return suite;
    }

    /** Starts everything and returns once every service is ready. */
    public static Suite start(Options options, Consumer<String> progress) {
        Suite suite = startInfra(options, progress);
        try {
            suite.startServices(progress);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startServices(Consumer<String> progress) {
        // every port first: kol-service asks the others for their part of an access request (GDPR Art. 15)
        for (Service s : Service.values()) {
            ports.put(s, port(s));
        }
        int kolPort = ports.get(Service.KOL);
        for (Service s : Service.values()) {
            int port = ports.get(s);
            services.put(s, new ServiceProcess(s, port, jar(s), JVM_OPTIONS, config(s, port, kolPort),
                    options.dataDir().resolve("logs").resolve(s.module() + ".log")));
        }
        progress.accept("starting " + String.join(", ", services.values().stream().map(p -> p.service().module())
                .toList()));
        services.values().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> process.awaitReady(Duration.ofSeconds(120)))
                    .thenRun(() -> progress.accept(process.service().module() + " ready on " + process.url())));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    private int port(Service service) {
        int configured = options.ports().getOrDefault(service, service.defaultPort());
        return configured == 0 ? freePort() : configured;
    }

    /** The settings a service runs with: production profile, the devstack, this installation's key and secrets. */
    private Map<String, String> config(Service service, int port, int kolPort) {
        Devstack.Endpoints endpoints = devstack.endpoints();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.profile", "prod");
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.datasource.reactive.url", endpoints.reactiveUrl(service.database()));
        config.put("quarkus.datasource.jdbc.url", endpoints.jdbcUrl(service.database()));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", endpoints.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", secrets.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", LocalSecrets.ISSUER);
        config.put("rapport.platform.kol-service-url", "http://127.0.0.1:" + kolPort);
        if (service == Service.KOL) {
            ports.forEach((other, otherPort) -> {
                if (other != Service.KOL) {
                    config.put("rapport.services." + other.module().replace("-service", "") + "-url",
                            "http://127.0.0.1:" + otherPort);
                }
            });
        }
        service.secrets().forEach((key, secret) -> config.put(key, secrets.secret(secret)));
        config.putAll(options.config().getOrDefault(service, Map.of()));
        return config;
    }

    private Path jar(Service service) {
        Path jar = options.root().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No " + jar + ": build first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String url(Service service) {
        return services.get(service).url();
    }

    public Devstack devstack() {
        return devstack;
    }

    public Options options() {
        return options;
    }

    /** A bearer token of this installation, valid for {@code ttl}. */
    public String token(String subject, Duration ttl, String... roles) {
        return "Bearer " + DevTokens.mint(secrets.signer(), subject, null, ttl, roles);
    }

    public String token(String subject, String... roles) {
        return token(subject, Duration.ofHours(12), roles);
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void restart(Service service) {
        ServiceProcess process = services.get(service);
        process.stop();
        process.start();
        process.awaitReady(Duration.ofSeconds(120));
    }

    /**
     * Another instance of a service on a free port: the same database and consumer group, as a second replica in
     * Kubernetes. Waits until it is ready; stopped with the suite.
     */
    public ServiceProcess startAnotherInstance(Service service) {
        int port = freePort();
        ServiceProcess instance = new ServiceProcess(service, port, jar(service), JVM_OPTIONS,
                config(service, port, services.get(Service.KOL).port()),
                options.dataDir().resolve("logs").resolve(service.module() + "-" + port + ".log"));
        extraInstances.add(instance);
        instance.start();
        instance.awaitReady(Duration.ofSeconds(120));
        return instance;
    }

    /** Stops the services (in parallel, cleanly), then PostgreSQL and Kafka. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook
        }
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.addAll(extraInstances);
        CompletableFuture.allOf(all.stream().map(p -> CompletableFuture.runAsync(p::stop))
                .toArray(CompletableFuture[]::new)).join();
        devstack.close();
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
