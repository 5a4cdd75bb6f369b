package io.rapport.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.rapport.devstack.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes and Compose manifests agree with the code: probes on the health paths the services serve,
 * ports and configuration keys each service reads, images named as Jib builds them, the topics (and their
 * retention) the devstack creates, a database per service, metrics scraped where the services serve them. Every
 * manifest, as kustomize composes it for the base, each overlay and each component, is read into the real model of
 * its kind (fabric8's Kubernetes and Prometheus Operator models, Strimzi's API), which refuses a field it does not
 * have.
 */
class ManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path DEV = KUBERNETES.resolve("overlays/dev");
    static final Path MONITORING = KUBERNETES.resolve("components/monitoring");
    static final ObjectMapper YAML = Kustomize.YAML;
    static final ManifestModels MODELS = new ManifestModels();
    static final Kustomize KUSTOMIZE = new Kustomize(MODELS);

    @Test
    void shouldReadEveryManifestIntoTheModelOfItsKind() throws IOException {
        Set<String> read = new TreeSet<>();
        Set<String> withoutModel = new TreeSet<>();
        for (Map.Entry<String, List<ObjectNode>> build : builds().entrySet()) {
            for (ObjectNode document : build.getValue()) {
                String type = document.path("apiVersion").asText() + " " + document.path("kind").asText();
                if (ManifestModels.WITHOUT_MODEL.contains(type)) {
                    withoutModel.add(type);
                    continue;
                }
                HasMetadata resource = MODELS.read(document);
                assertThat(resource.getMetadata().getName()).as(build.getKey() + ": " + type).isNotBlank();
                read.add(type);
            }
        }
        assertThat(read).contains("apps/v1 Deployment", "v1 Service", "v1 ConfigMap", "v1 Secret", "v1 Namespace",
                "autoscaling/v2 HorizontalPodAutoscaler", "policy/v1 PodDisruptionBudget",
                "kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io/v1 KafkaTopic",
                "monitoring.coreos.com/v1 ServiceMonitor");
        assertThat(withoutModel).isEqualTo(ManifestModels.WITHOUT_MODEL);
    }

    /** The strictness the test above relies on: one wrong field in a real manifest, and it is refused. */
    @Test
    void shouldRefuseAFieldTheModelDoesNotHave() {
        List<ObjectNode> documents = KUSTOMIZE.build(BASE, MONITORING);
        assertRefused(documents, "Deployment", "kol-service", d -> object(d, "/spec").put("replica", 3),
                "at /spec/replica: Unrecognized field");
        assertRefused(documents, "Deployment", "kol-service",
                d -> object(d, "/spec/template/spec/containers/0/env/0").put("value", 8081),
                "at /spec/template/spec/containers/0/env/0/value: Cannot coerce Integer");
        assertRefused(documents, "ConfigMap", "rapport-config", d -> object(d, "/data").put("JAVA_MAX_MEM_RATIO", 60),
                "at /data/JAVA_MAX_MEM_RATIO: Cannot coerce Integer");
        // spec.kafka.replicas and .storage are v1beta2 (ZooKeeper era): the node pools hold them in v1
        assertRefused(documents, "Kafka", "rapport", d -> object(d, "/spec/kafka").put("replicas", 3),
                "at /spec/kafka/replicas: Unrecognized field");
        assertRefused(documents, "Kafka", "rapport", d -> object(d, "/spec/kafka/listeners/0").put("type", "inside"),
                "type \"inside\" is not a value of KafkaListenerType");
        assertRefused(documents, "KafkaNodePool", "rapport-nodes",
                d -> object(d, "/spec/storage").put("type", "persistent"),
                "at /spec/storage: Could not resolve type id 'persistent'");
        assertRefused(documents, "KafkaNodePool", "rapport-nodes", d -> object(d, "/spec").remove("roles"),
                "roles is required in kafka.strimzi.io/v1");
        assertRefused(documents, "KafkaNodePool", "rapport-nodes", d -> object(d, "/spec").putArray("roles").add("brokr"),
                "roles \"brokr\" is not a value of ProcessRoles");
        assertRefused(documents, "KafkaTopic", "rapport-kol-v1", d -> object(d, "/spec").put("partition", 3),
                "at /spec/partition: Unrecognized field");
        assertRefused(documents, "KafkaTopic", "rapport-kol-v1", d -> d.put("apiVersion", "kafka.strimzi.io/v1beta2"),
                "No model of kafka.strimzi.io/v1beta2 KafkaTopic");
        assertRefused(documents, "ServiceMonitor", "rapport", d -> object(d, "/spec/endpoints/0").put("paths", "/q/metrics"),
                "at /spec/endpoints/0/paths: Unrecognized field");
    }

    @Test
    void shouldRunEachServiceAsItIsBuiltAndConfigured() throws IOException {
        List<ObjectNode> base = KUSTOMIZE.build(BASE);
        for (Service service : Service.values()) {
            JsonNode deployment = find(base, "Deployment", service.module());
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            int port = port(service);
            assertThat(container.path("image").asText()).isEqualTo("rapport/" + service.module() + ":1.0.0-SNAPSHOT");
            assertThat(container.at("/ports/0/containerPort").asInt()).as(service.module()).isEqualTo(port);
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
            assertThat(container.at("/resources/limits/cpu").isMissingNode()).isFalse();
            // fabric8 reads any string as a Quantity: these must be amounts Kubernetes understands (250m, 512Mi)
            ResourceRequirements resources = typed(base, Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(service.module())).findFirst().orElseThrow().getSpec()
                    .getTemplate().getSpec().getContainers().get(0).getResources();
            Stream.of(resources.getRequests(), resources.getLimits()).flatMap(m -> m.values().stream())
                    .forEach(quantity -> assertThat(Quantity.getAmountInBytes(quantity)).isPositive());
            assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            Set<String> keys = knownKeys(service);
            for (JsonNode env : container.path("env")) {
                assertThat(keys).as(service.module() + " reads " + env.path("name").asText())
                        .contains(property(env.path("name").asText()));
            }
            for (String key : find(base, "ConfigMap", "rapport-config").path("data").properties().stream()
                    .map(Map.Entry::getKey).toList()) {
                assertThat(keys).as(service.module() + " reads " + key).contains(property(key));
            }
            assertThat(find(base, "Service", service.module()).at("/spec/ports/0/port").asInt()).isEqualTo(port);
            JsonNode autoscaler = find(base, "HorizontalPodAutoscaler", service.module());
            assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service.module());
            assertThat(find(base, "PodDisruptionBudget", service.module()).at("/spec/selector/matchLabels")
                    .path("app.kubernetes.io/name").asText()).isEqualTo(service.module());
            assertThat(find(base, "Cluster", service.database() + "-db").at("/spec/bootstrap/initdb/database").asText())
                    .isEqualTo("app");
        }
    }

    @Test
    void shouldDeclareEveryTopicTheCodeCreatesKeptForever() {
        List<ObjectNode> base = KUSTOMIZE.build(BASE);
        List<KafkaTopic> topics = typed(base, KafkaTopic.class);
        assertThat(topics).extracting(t -> t.getSpec().getTopicName()).containsExactlyInAnyOrderElementsOf(Topics.all(""));
        for (KafkaTopic topic : topics) {
            assertThat(topic.getSpec().getPartitions()).isEqualTo(Topics.PARTITIONS);
            assertThat(((Number) topic.getSpec().getConfig().get("retention.ms")).longValue()).isEqualTo(-1);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "rapport");
        }
        Kafka kafka = typed(base, Kafka.class).stream().filter(k -> k.getMetadata().getName().equals("rapport"))
                .findFirst().orElseThrow();
        assertThat(kafka.getSpec().getKafka().getVersion()).as("pinned: an operator upgrade does not upgrade Kafka")
                .isNotBlank();
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("applies the KafkaTopics").isNotNull();
        KafkaNodePool nodes = typed(base, KafkaNodePool.class).stream()
                .filter(p -> p.getMetadata().getName().equals("rapport-nodes")).findFirst().orElseThrow();
        assertThat(nodes.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "rapport");
        assertThat(nodes.getSpec().getReplicas()).isEqualTo(3);
        assertThat(nodes.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
    }

    /** In every build (the dev overlay has one node), no topic asks for more replicas than there are brokers. */
    @Test
    void shouldReplicateNoMoreThanTheBrokersCanHold() throws IOException {
        for (Map.Entry<String, List<ObjectNode>> build : builds().entrySet()) {
            int brokers = typed(build.getValue(), KafkaNodePool.class).stream()
                    .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                    .mapToInt(p -> p.getSpec().getReplicas()).sum();
            String name = build.getKey();
            assertThat(brokers).as(name).isPositive();
            for (Kafka kafka : typed(build.getValue(), Kafka.class)) {
                Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
                for (String factor : List.of("default.replication.factor", "offsets.topic.replication.factor",
                        "transaction.state.log.replication.factor")) {
                    assertThat(number(config, factor)).as(name + ": " + factor).isBetween(1, brokers);
                }
                assertThat(number(config, "min.insync.replicas")).as(name)
                        .isBetween(1, number(config, "default.replication.factor"));
                assertThat(number(config, "transaction.state.log.min.isr")).as(name)
                        .isBetween(1, number(config, "transaction.state.log.replication.factor"));
            }
            for (KafkaTopic topic : typed(build.getValue(), KafkaTopic.class)) {
                String topicName = name + ": " + topic.getSpec().getTopicName();
                assertThat(topic.getSpec().getReplicas()).as(topicName).isBetween(1, brokers);
                assertThat(number(topic.getSpec().getConfig(), "min.insync.replicas")).as(topicName)
                        .isBetween(1, topic.getSpec().getReplicas());
            }
        }
    }

    /**
     * The monitoring component's ServiceMonitor selects the four Services, on a port they name, at the path where
     * the services serve Micrometer's Prometheus registry: the default /q/metrics on the HTTP port (no service moves
     * it, nor turns on the separate management interface).
     */
    @Test
    void shouldLetPrometheusScrapeEveryService() throws IOException {
        assertThat(Files.readString(ROOT.resolve("platform/pom.xml"))).contains("quarkus-micrometer-registry-prometheus");
        for (Service service : Service.values()) {
            Set<String> keys = new HashSet<>();
            for (Path file : List.of(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties"),
                    ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
                keys.addAll(properties(file).stringPropertyNames());
            }
            assertThat(keys).as(service.module() + " serves its metrics at /q/metrics on its HTTP port")
                    .noneMatch(k -> k.contains("quarkus.micrometer.export.prometheus.path")
                            || k.contains("quarkus.http.non-application-root-path") || k.contains("quarkus.management."));
        }
        String path = "/q/metrics";
        List<ObjectNode> documents = KUSTOMIZE.build(BASE, MONITORING);
        List<ServiceMonitor> monitors = typed(documents, ServiceMonitor.class);
        assertThat(monitors).hasSize(1);
        ServiceMonitor monitor = monitors.get(0);
        assertThat(monitor.getSpec().getNamespaceSelector()).as("the Services of its own namespace").isNull();
        List<io.fabric8.kubernetes.api.model.Service> selected = typed(documents, io.fabric8.kubernetes.api.model.Service.class)
                .stream().filter(s -> matches(monitor.getSpec().getSelector(), s.getMetadata().getLabels())).toList();
        assertThat(selected).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Stream.of(Service.values()).map(Service::module).toList());
        assertThat(monitor.getSpec().getEndpoints()).isNotEmpty();
        for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
            assertThat(endpoint.getPath()).isEqualTo(path);
            for (io.fabric8.kubernetes.api.model.Service service : selected) {
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).as(service.getMetadata().getName())
                        .contains(endpoint.getPort());
            }
        }
        for (Service service : Service.values()) {
            Deployment deployment = typed(documents, Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(service.module())).findFirst().orElseThrow();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).as("annotation-based scraping")
                    .containsEntry("prometheus.io/path", path)
                    .containsEntry("prometheus.io/port", String.valueOf(port(service)));
        }
    }

    @Test
    void shouldListEveryBaseFileAndComposeEveryKustomization() throws IOException {
        Kustomization base = KUSTOMIZE.kustomization(BASE);
        try (Stream<Path> files = Files.list(BASE)) {
            assertThat(base.getResources()).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals("kustomization.yaml")).toList());
        }
        // the overlays and components are composed (so their patches apply and their generators find their files)
        assertThat(builds()).containsKeys("base", "overlays/dev", "base + components/monitoring");
        List<ObjectNode> dev = KUSTOMIZE.build(DEV);
        assertThat(find(dev, "ConfigMap", "rapport-config").at("/data/QUARKUS_PROFILE").asText()).isEqualTo("dev");
        assertThat(find(dev, "Deployment", "kol-service").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(dev).filteredOn(d -> !d.path("kind").asText().equals("Namespace"))
                .allSatisfy(d -> assertThat(d.at("/metadata/namespace").asText()).isEqualTo("rapport-dev"));
    }

    /**
     * The repository's dev key is public: only the overlay named dev may configure it (as a file, inline, base64
     * in a Secret, or the classpath copy), the dev issuer or the dev/test profiles, and it runs the dev profile,
     * the only packaged profile in which the services accept that key. The base runs prod with a real issuer,
     * an audience and a key location.
     */
    @Test
    void shouldConfigureTheDevKeyOnlyInTheOverlayNamedDev() throws IOException {
        String devKey = Files.readString(ROOT.resolve("deploy/dev-keys/publicKey.pem"));
        String devKeyBody = devKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String devKeyBase64 = Base64.getEncoder().encodeToString(devKey.getBytes(StandardCharsets.US_ASCII));
        Pattern devProfile = Pattern.compile("QUARKUS_PROFILE\\s*[:=]\\s*[\"']?(dev|test)\\b");
        Path devOverlay = KUBERNETES.resolve("overlays/dev");
        List<Path> devConfigured = new ArrayList<>();
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                String compact = text.replaceAll("\\s", "");
                boolean dev = compact.contains(devKeyBody) || compact.contains(devKeyBase64)
                        || text.contains("dev-keys") || text.contains("https://rapport.dev/issuer")
                        || devProfile.matcher(text).find();
                if (dev) {
                    devConfigured.add(file);
                    assertThat(file.startsWith(devOverlay)).as(KUBERNETES.relativize(file)
                            + " configures the dev key, issuer or profile outside the overlay named dev").isTrue();
                }
            }
        }
        assertThat(devConfigured).as("the dev overlay carries the dev key").contains(devOverlay.resolve("publicKey.pem"));
        JsonNode overlay = YAML.readTree(devOverlay.resolve("kustomization.yaml").toFile());
        List<String> literals = new ArrayList<>();
        overlay.path("configMapGenerator").forEach(g -> g.path("literals").forEach(l -> literals.add(l.asText())));
        assertThat(literals).as("the dev key works only in the dev profile").contains("QUARKUS_PROFILE=dev");

        JsonNode config = find(KUSTOMIZE.build(BASE), "ConfigMap", "rapport-config").path("data");
        assertThat(config.path("QUARKUS_PROFILE").asText()).isEqualTo("prod");
        assertThat(config.path("MP_JWT_VERIFY_ISSUER").asText()).startsWith("https://")
                .isNotEqualTo("https://rapport.dev/issuer");
        assertThat(config.path("MP_JWT_VERIFY_AUDIENCES").asText()).isNotBlank();
        assertThat(config.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText()).startsWith("file:/etc/rapport/jwt/");
    }

    @Test
    void shouldKeepTheComposeFileInLineWithTheServices() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("deploy/compose/compose.yaml").toFile()).path("services");
        for (Service service : Service.values()) {
            JsonNode entry = compose.path(service.module());
            int port = port(service);
            assertThat(entry.path("image").asText()).isEqualTo("rapport/" + service.module() + ":1.0.0-SNAPSHOT");
            assertThat(entry.at("/ports/0").asText()).isEqualTo(port + ":" + port);
            assertThat(entry.at("/environment/QUARKUS_DATASOURCE_REACTIVE_URL").asText()).endsWith("/" + service.database());
            Set<String> keys = knownKeys(service);
            entry.path("environment").fieldNames().forEachRemaining(name -> assertThat(keys)
                    .as(service.module() + " reads " + name).contains(property(name)));
        }
        String topics = compose.at("/kafka-topics/command/0").asText();
        Topics.all("").forEach(topic -> assertThat(topics).contains("--topic " + topic + " "));
        assertThat(Files.readString(ROOT.resolve("deploy/compose/init-databases.sql")))
                .contains(Stream.of(Service.values()).map(s -> "CREATE DATABASE " + s.database() + ";").toList());
    }

    /** The port a service listens on, from its application.properties. */
    private static int port(Service service) throws IOException {
        return Integer.parseInt(properties(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties"))
                .getProperty("quarkus.http.port"));
    }

    /**
     * The configuration keys a service reads (without profile prefixes): its own application.properties, the
     * platform's defaults, and the keys every Quarkus service understands that the manifests set.
     */
    private static Set<String> knownKeys(Service service) throws IOException {
        Set<String> keys = new HashSet<>(Set.of("quarkus.profile", "quarkus.http.port", "quarkus.datasource.password",
                "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "java.max.mem.ratio",
                "rapport.platform.kol-service-url"));
        for (Path file : List.of(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties"),
                ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            properties(file).stringPropertyNames().forEach(k -> keys.add(k.replaceFirst("^%[a-z]+\\.", "")));
        }
        return keys;
    }

    /** QUARKUS_DATASOURCE_REACTIVE_URL → quarkus.datasource.reactive.url; dashes too (rapport.kol.erasure-hash-key). */
    private static String property(String environmentName) {
        String dotted = environmentName.toLowerCase(Locale.ROOT).replace('_', '.');
        Map<String, String> dashed = new HashMap<>(Map.of("erasure.hash.key", "erasure-hash-key",
                "pseudonym.key", "pseudonym-key", "kol.service.url", "kol-service-url", "max.mem.ratio", "max.mem.ratio",
                "services.interaction.url", "services.interaction-url", "services.insight.url", "services.insight-url",
                "services.metrics.url", "services.metrics-url"));
        for (Map.Entry<String, String> e : dashed.entrySet()) {
            dotted = dotted.replace(e.getKey(), e.getValue());
        }
        return dotted;
    }

    /** Every way the manifests are applied: the base, each overlay, the base with each component. */
    private static Map<String, List<ObjectNode>> builds() throws IOException {
        Map<String, List<ObjectNode>> builds = new LinkedHashMap<>();
        builds.put("base", KUSTOMIZE.build(BASE));
        for (String kind : List.of("overlays", "components")) {
            try (Stream<Path> dirs = Files.list(KUBERNETES.resolve(kind))) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    String name = kind + "/" + dir.getFileName();
                    builds.put(kind.equals("overlays") ? name : "base + " + name,
                            kind.equals("overlays") ? KUSTOMIZE.build(dir) : KUSTOMIZE.build(BASE, dir));
                }
            }
        }
        return builds;
    }

    /** The documents of a kind (by its model's apiVersion and kind), as the model. */
    private static <T extends HasMetadata> List<T> typed(List<ObjectNode> documents, Class<T> type) {
        return documents.stream().filter(d -> type.equals(MODELS.modelOf(d.path("apiVersion").asText(),
                d.path("kind").asText()))).map(d -> type.cast(MODELS.read(d))).toList();
    }

    private static void assertRefused(List<ObjectNode> documents, String kind, String name, Consumer<ObjectNode> breaking,
            String expected) {
        ObjectNode document = find(documents, kind, name).deepCopy();
        MODELS.read(document);
        breaking.accept(document);
        assertThatThrownBy(() -> MODELS.read(document)).as(kind + " " + name).isInstanceOf(AssertionError.class)
                .hasMessageContaining(expected);
    }

    private static ObjectNode object(ObjectNode document, String pointer) {
        return (ObjectNode) document.at(pointer);
    }

    private static int number(Map<String, Object> config, String key) {
        assertThat(config).containsKey(key);
        return ((Number) config.get(key)).intValue();
    }

    /** A Kubernetes label selector (matchLabels and matchExpressions) against a resource's labels. */
    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        boolean matches = selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            matches &= switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("Unknown selector operator " + requirement.getOperator());
            };
        }
        return matches;
    }

    private static ObjectNode find(List<ObjectNode> documents, String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " " + name));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
