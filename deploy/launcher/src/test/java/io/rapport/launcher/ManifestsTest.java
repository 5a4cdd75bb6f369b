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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.rapport.devstack.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes and Compose manifests agree with the code: probes on the health paths the services serve,
 * ports and configuration keys each service reads, images named as Jib builds them, the topics (and their
 * retention) the devstack creates, a database per service.
 */
class ManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldRunEachServiceAsItIsBuiltAndConfigured() throws IOException {
        List<JsonNode> base = documents(KUBERNETES.resolve("base"));
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
    void shouldDeclareEveryTopicTheCodeCreatesKeptForever() throws IOException {
        List<JsonNode> topics = documents(KUBERNETES.resolve("base")).stream()
                .filter(d -> "KafkaTopic".equals(d.path("kind").asText())).toList();
        assertThat(topics).extracting(t -> t.at("/spec/topicName").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.all(""));
        for (JsonNode topic : topics) {
            assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(Topics.PARTITIONS);
            assertThat(topic.at("/spec/config/retention.ms").asLong()).isEqualTo(-1);
            assertThat(topic.at("/metadata/labels").path("strimzi.io/cluster").asText()).isEqualTo("rapport");
        }
        JsonNode kafka = find(documents(KUBERNETES.resolve("base")), "Kafka", "rapport");
        assertThat(kafka.at("/metadata/annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(find(documents(KUBERNETES.resolve("base")), "KafkaNodePool", "rapport-nodes").at("/spec/replicas").asInt())
                .isEqualTo(3);
    }

    @Test
    void shouldListEveryBaseFileAndPatchOnlyWhatExists() throws IOException {
        JsonNode base = YAML.readTree(KUBERNETES.resolve("base/kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        base.path("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(KUBERNETES.resolve("base"))) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.equals("kustomization.yaml")).toList());
        }
        JsonNode dev = YAML.readTree(KUBERNETES.resolve("overlays/dev/kustomization.yaml").toFile());
        Set<String> kinds = new HashSet<>();
        documents(KUBERNETES.resolve("base")).forEach(d -> kinds.add(d.path("kind").asText()));
        dev.path("patches").forEach(p -> assertThat(kinds).contains(p.at("/target/kind").asText()));
        dev.path("secretGenerator").forEach(g -> g.path("files").forEach(f -> assertThat(
                KUBERNETES.resolve("overlays/dev").resolve(f.asText())).exists()));
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

        JsonNode config = find(documents(KUBERNETES.resolve("base")), "ConfigMap", "rapport-config").path("data");
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

    private static List<JsonNode> documents(Path dir) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream().filter(d -> d != null && !d.isEmpty())
                            .forEach(documents::add);
                }
            }
        }
        return documents;
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
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
