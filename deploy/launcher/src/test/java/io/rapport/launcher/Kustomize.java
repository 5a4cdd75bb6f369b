package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.kustomize.v1beta1.ConfigMapArgs;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Label;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Patch;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.SecretArgs;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Selector;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Composes a kustomization as {@code kubectl apply -k} does, for what Rapport's kustomizations use: resources (files
 * and directories), components, namespace, labels, ConfigMap and Secret generators, inline JSON 6902 patches. So the
 * test reads what a cluster receives. Each kustomization.yaml is itself read into fabric8's Kustomization model,
 * strictly, and a field this class does not compose fails instead of being ignored. Stricter than kustomize: a patch
 * whose target matches nothing fails. It does not append kustomize's hash suffix to generated names.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final Set<String> COMPOSED = Set.of("apiVersion", "kind", "resources", "components", "namespace",
            "labels", "configMapGenerator", "secretGenerator", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");

    private final ManifestModels models;

    Kustomize(ManifestModels models) {
        this.models = models;
    }

    /** The documents of the kustomization in {@code dir}, composed. */
    List<ObjectNode> build(Path dir) {
        return compose(dir, "Kustomization", new ArrayList<>());
    }

    /** The documents of the kustomization in {@code dir} with the given components added, as an overlay would. */
    List<ObjectNode> build(Path dir, Path... components) {
        List<ObjectNode> documents = build(dir);
        for (Path component : components) {
            documents = compose(component, "Component", documents);
        }
        return documents;
    }

    /** The kustomization file of {@code dir} as fabric8's model (strictly). */
    Kustomization kustomization(Path dir) {
        return models.read(readTree(dir.resolve("kustomization.yaml")), Kustomization.class);
    }

    /** The YAML documents of a file, without empty ones. */
    static List<ObjectNode> documents(Path file) {
        List<ObjectNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).readAll().stream().filter(d -> d != null && !d.isEmpty())
                    .forEach(d -> documents.add((ObjectNode) d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private List<ObjectNode> compose(Path dir, String kind, List<ObjectNode> accumulated) {
        JsonNode raw = readTree(dir.resolve("kustomization.yaml"));
        Kustomization kustomization = models.read(raw, Kustomization.class);
        String expectedApiVersion = kind.equals("Component") ? "kustomize.config.k8s.io/v1alpha1"
                : "kustomize.config.k8s.io/v1beta1";
        if (!kind.equals(kustomization.getKind()) || !expectedApiVersion.equals(kustomization.getApiVersion())) {
            throw new AssertionError(dir + " is not a " + expectedApiVersion + " " + kind);
        }
        raw.fieldNames().forEachRemaining(field -> {
            if (!COMPOSED.contains(field)) {
                throw new AssertionError(dir + " uses " + field + ", which Kustomize (the test's) does not compose");
            }
        });
        List<ObjectNode> documents = new ArrayList<>(accumulated);
        for (String resource : kustomization.getResources()) {
            Path path = dir.resolve(resource).normalize();
            documents.addAll(Files.isDirectory(path) ? compose(path, "Kustomization", new ArrayList<>()) : documents(path));
        }
        for (String component : kustomization.getComponents()) {
            documents = compose(dir.resolve(component).normalize(), "Component", documents);
        }
        for (ConfigMapArgs generator : kustomization.getConfigMapGenerator()) {
            ObjectNode data = YAML.createObjectNode();
            entries(dir, generator.getLiterals(), generator.getFiles(), generator.getEnvs())
                    .forEach((key, value) -> data.put(key, new String(value, StandardCharsets.UTF_8)));
            generate(documents, "ConfigMap", generator.getName(), generator.getBehavior(), data, null, dir);
        }
        for (SecretArgs generator : kustomization.getSecretGenerator()) {
            ObjectNode data = YAML.createObjectNode();
            entries(dir, generator.getLiterals(), generator.getFiles(), generator.getEnvs())
                    .forEach((key, value) -> data.put(key, Base64.getEncoder().encodeToString(value)));
            generate(documents, "Secret", generator.getName(), generator.getBehavior(), data,
                    generator.getType() == null ? "Opaque" : generator.getType(), dir);
        }
        for (Patch patch : kustomization.getPatches()) {
            patch(dir, documents, patch);
        }
        if (kustomization.getNamespace() != null) {
            documents.stream().filter(d -> !CLUSTER_SCOPED.contains(d.path("kind").asText()))
                    .forEach(d -> metadata(d).put("namespace", kustomization.getNamespace()));
        }
        for (Label label : kustomization.getLabels()) {
            if (Boolean.TRUE.equals(label.getIncludeSelectors()) || Boolean.TRUE.equals(label.getIncludeTemplates())
                    || !label.getFields().isEmpty()) {
                throw new AssertionError(dir + ": labels on selectors, templates or fields are not composed here");
            }
            documents.forEach(d -> label.getPairs().forEach((k, v) -> metadata(d).withObjectProperty("labels").put(k, v)));
        }
        return documents;
    }

    private static void generate(List<ObjectNode> documents, String kind, String name, String behavior, ObjectNode data,
            String type, Path dir) {
        ObjectNode existing = documents.stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.at("/metadata/name").asText())).findFirst().orElse(null);
        switch (behavior == null ? "create" : behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new AssertionError(dir + " generates " + kind + " " + name + ", which exists");
                }
                ObjectNode generated = YAML.createObjectNode().put("apiVersion", "v1").put("kind", kind);
                generated.putObject("metadata").put("name", name);
                if (type != null) {
                    generated.put("type", type);
                }
                generated.set("data", data);
                documents.add(generated);
            }
            case "merge", "replace" -> {
                if (existing == null) {
                    throw new AssertionError(dir + " merges into " + kind + " " + name + ", which does not exist");
                }
                if (behavior.equals("replace")) {
                    existing.remove("data");
                }
                existing.withObjectProperty("data").setAll(data);
            }
            default -> throw new AssertionError(dir + ": unknown generator behavior " + behavior);
        }
    }

    /** key → value of a generator's literals ({@code K=V}) and files ({@code path} or {@code key=path}). */
    private static Map<String, byte[]> entries(Path dir, List<String> literals, List<String> files, List<String> envs) {
        if (!envs.isEmpty()) {
            throw new AssertionError(dir + ": generator envs are not composed here");
        }
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (String literal : literals) {
            int equals = literal.indexOf('=');
            entries.put(literal.substring(0, equals), literal.substring(equals + 1).getBytes(StandardCharsets.UTF_8));
        }
        for (String file : files) {
            int equals = file.indexOf('=');
            Path path = dir.resolve(equals < 0 ? file : file.substring(equals + 1));
            try {
                entries.put(equals < 0 ? path.getFileName().toString() : file.substring(0, equals), Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    private static void patch(Path dir, List<ObjectNode> documents, Patch patch) {
        Selector target = patch.getTarget();
        if (target == null || target.getLabelSelector() != null || target.getAnnotationSelector() != null
                || target.getNamespace() != null || !patch.getOptions().isEmpty()) {
            throw new AssertionError(dir + ": only patches with a target by kind, name, group, version are composed here");
        }
        JsonNode operations;
        try {
            operations = YAML.readTree(patch.getPath() != null ? Files.readString(dir.resolve(patch.getPath()))
                    : patch.getPatch());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!operations.isArray()) {
            throw new AssertionError(dir + ": strategic merge patches are not composed here, only JSON 6902 ones");
        }
        int matched = 0;
        for (int i = 0; i < documents.size(); i++) {
            ObjectNode document = documents.get(i);
            String apiVersion = document.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            if ((target.getKind() == null || target.getKind().equals(document.path("kind").asText()))
                    && (target.getName() == null || document.at("/metadata/name").asText().matches(target.getName()))
                    && (target.getGroup() == null || target.getGroup().equals(group))
                    && (target.getVersion() == null || target.getVersion().equals(version))) {
                try {
                    documents.set(i, (ObjectNode) JsonPatch.apply(operations, document));
                } catch (RuntimeException e) {
                    throw new AssertionError(dir + ": patch of " + target.getKind() + " does not apply to "
                            + document.at("/metadata/name").asText() + ": " + e.getMessage(), e);
                }
                matched++;
            }
        }
        if (matched == 0) {
            throw new AssertionError(dir + ": a patch of " + target.getKind() + " " + target.getName() + " matches nothing");
        }
    }

    private static ObjectNode metadata(ObjectNode document) {
        return document.withObjectProperty("metadata");
    }

    private static JsonNode readTree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
