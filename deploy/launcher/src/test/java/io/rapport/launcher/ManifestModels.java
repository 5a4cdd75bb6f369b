package io.rapport.launcher;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

/**
 * Reads a manifest into the Java model of its {@code apiVersion} and {@code kind}: fabric8's Kubernetes models (and
 * its model of the Prometheus Operator's ServiceMonitor), Strimzi's {@code io.strimzi:api} for Kafka, KafkaNodePool,
 * KafkaTopic and KafkaUser. It fails on anything those models do not have, as the API server would: an unknown
 * field, a kind or API version the models do not define, a value of the wrong type (a number where Kubernetes wants
 * a string and the other way round), an unknown enum constant or subtype (a listener or storage type).
 * <p>
 * Strimzi's classes describe every version of a resource at once; their annotations say which properties exist in
 * which version. Read as {@value #STRIMZI_API}, a property that only v1beta2 has (spec.kafka.replicas, ZooKeeper) is
 * unknown, and one v1 requires (spec.kafka.listeners, a node pool's roles and storage) must be there.
 */
final class ManifestModels {

    /** Kinds no Java model on Maven Central describes; ManifestsTest checks what Rapport relies on in them. */
    static final Set<String> WITHOUT_MODEL = Set.of("postgresql.cnpg.io/v1 Cluster");
    /** The Strimzi API the manifests use: served since Strimzi 0.49, the only one Strimzi 1.x serves. */
    static final String STRIMZI_API = "kafka.strimzi.io/v1";
    private static final String STRIMZI_VERSION = STRIMZI_API.substring(STRIMZI_API.indexOf('/') + 1);
    private static final List<Class<? extends HasMetadata>> STRIMZI = List.of(Kafka.class, KafkaNodePool.class,
            KafkaTopic.class, KafkaUser.class);

    private final ObjectMapper mapper;
    private final KubernetesSerialization serialization;

    ManifestModels() {
        mapper = JsonMapper.builder()
                // fabric8's and Strimzi's models keep a field they do not know in additionalProperties (a
                // @JsonAnySetter) instead of refusing it: without the any-setter, FAIL_ON_UNKNOWN_PROPERTIES applies.
                .addModule(new SimpleModule("strict-manifests").setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                            BeanDeserializerBuilder builder) {
                        builder.setAnySetter(null);
                        // a Strimzi property of other API versions only is unknown too
                        for (Iterator<SettableBeanProperty> properties = builder.getProperties(); properties.hasNext();) {
                            SettableBeanProperty property = properties.next();
                            PresentInVersions present = property.getAnnotation(PresentInVersions.class);
                            if (present != null && !inRange(STRIMZI_VERSION, present.value())) {
                                properties.remove();
                            }
                        }
                        return builder;
                    }
                }))
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // registers the Kubernetes kinds (and every other fabric8 model on the class path) by apiVersion and kind
        serialization = new KubernetesSerialization(mapper, true);
        // KubernetesSerialization turns an unknown subtype into null: refuse it
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_INVALID_SUBTYPE,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // Strimzi's jar does not register its kinds (and its @Version annotation names its storage version, v1beta2)
        STRIMZI.forEach(type -> serialization.registerKubernetesResource(STRIMZI_API, HasMetadata.getKind(type), type));
    }

    /** The model of a kind, or null when there is none. */
    Class<? extends KubernetesResource> modelOf(String apiVersion, String kind) {
        Class<? extends KubernetesResource> type = serialization.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
            return null;
        }
        String version = STRIMZI.contains(type) ? STRIMZI_API : HasMetadata.getApiVersion(type.asSubclass(HasMetadata.class));
        return apiVersion.equals(version) ? type : null;
    }

    /** The document as its kind's model; an AssertionError naming the document and the field when it does not fit. */
    HasMetadata read(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Class<? extends KubernetesResource> type = modelOf(apiVersion, kind);
        if (type == null) {
            throw new AssertionError("No model of " + apiVersion + " " + kind + " ("
                    + document.at("/metadata/name").asText() + "): not a kind and API version this test reads (Strimzi: "
                    + STRIMZI_API + ")");
        }
        return (HasMetadata) read(document, type);
    }

    /** A part of a manifest (or a kustomization) as the given model, with the same strictness. */
    <T> T read(JsonNode node, Class<T> type) {
        try {
            T value = mapper.treeToValue(node, type);
            requireStrimziProperties(value, node, node.path("kind").asText(type.getSimpleName()) + " "
                    + node.at("/metadata/name").asText());
            return value;
        } catch (JsonProcessingException e) {
            throw new AssertionError(node.path("kind").asText(type.getSimpleName()) + " "
                    + node.at("/metadata/name").asText() + " does not fit " + type.getName() + " at " + path(e) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * What a Strimzi property's {@code @JsonProperty(required)} or {@code @RequiredInVersions} asks for is there, and
     * what is there was read (not dropped as null).
     */
    private void requireStrimziProperties(Object value, JsonNode node, String where) {
        if (value == null || !value.getClass().getName().startsWith("io.strimzi.") || !node.isObject()) {
            return;
        }
        BeanDescription bean = mapper.getDeserializationConfig().introspect(mapper.constructType(value.getClass()));
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember member = property.getPrimaryMember();
            if (member == null) {
                continue;
            }
            PresentInVersions present = member.getAnnotation(PresentInVersions.class);
            RequiredInVersions required = member.getAnnotation(RequiredInVersions.class);
            JsonNode child = node.get(property.getName());
            if (child == null || child.isNull()) {
                if ((present == null || inRange(STRIMZI_VERSION, present.value())) && (property.isRequired()
                        || required != null && inRange(STRIMZI_VERSION, required.value()))) {
                    throw new AssertionError(where + ": " + property.getName() + " is required in " + STRIMZI_API
                            + " (" + value.getClass().getSimpleName() + ")");
                }
                continue;
            }
            if (property.getGetter() == null) {
                continue;
            }
            Object childValue = property.getGetter().getValue(value);
            if (childValue == null) {
                // Strimzi's enums (listener type, node roles) read a value they do not know as null
                throw new AssertionError(where + ": " + property.getName() + " " + child + " is not a value of "
                        + property.getPrimaryType().getRawClass().getSimpleName());
            }
            if (childValue instanceof Collection<?> items && child.isArray()) {
                Iterator<JsonNode> nodes = child.iterator();
                for (Object item : items) {
                    JsonNode itemNode = nodes.next();
                    if (item == null && !itemNode.isNull()) {
                        throw new AssertionError(where + ": " + property.getName() + " " + itemNode + " is not a value of "
                                + property.getPrimaryType().getContentType().getRawClass().getSimpleName());
                    }
                    requireStrimziProperties(item, itemNode, where);
                }
            } else {
                requireStrimziProperties(childValue, child, where);
            }
        }
    }

    private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    /** Whether an API version is in one of Strimzi's ranges: {@code v1beta2}, {@code v1+}, {@code v1alpha1-v1beta2}. */
    static boolean inRange(String version, String range) {
        if (range.equals("all")) {
            return true;
        }
        if (range.endsWith("+")) {
            return order(version) >= order(range.substring(0, range.length() - 1));
        }
        int dash = range.indexOf('-');
        return dash < 0 ? order(version) == order(range)
                : order(version) >= order(range.substring(0, dash)) && order(version) <= order(range.substring(dash + 1));
    }

    private static int order(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a Kubernetes API version: " + version);
        }
        int stability = matcher.group(2) == null ? 2 : matcher.group(2).equals("beta") ? 1 : 0;
        int level = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Integer.parseInt(matcher.group(1)) * 10_000 + stability * 1_000 + level;
    }

    /** Where in the document, as a JSON pointer: /spec/template/spec/containers/0/startupProbe. */
    private static String path(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                path.append('/').append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
