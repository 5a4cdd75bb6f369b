package io.rapport.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.launcher.Service;

/**
 * Each running service's own OpenAPI document (/q/openapi), read once per run: its operations and, for the
 * invariant tests, the free-text properties of their request bodies. A new endpoint or field shows up here without
 * anyone editing a list, so the invariants cover it from the day it is added.
 */
final class OpenApi {

    /** One documented operation. */
    record Operation(Service service, String method, String path, JsonNode spec) {

        String name() {
            return service.name().toLowerCase(Locale.ROOT) + " " + method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            });
            return names;
        }

        List<String> queryParameters() {
            List<String> names = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            });
            return names;
        }

        /** The media type it reads (JSON when it takes several), or none. */
        Optional<String> contentType() {
            List<String> types = new ArrayList<>();
            spec.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types.stream().filter(t -> t.contains("json")).findFirst().or(() -> types.stream().findFirst());
        }
    }

    private static final Map<Service, OpenApi> DOCUMENTS = new EnumMap<>(Service.class);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /**
     * Properties that hold references (ids, codes, who) rather than text: they name records and people of the
     * directory, never a KOL's personal data, and a made-up value is refused as an unknown reference.
     */
    private static final Pattern REFERENCE = Pattern.compile("(?i).*(id|ids|msls|assignee|manager|team|timezone|currency"
            + "|country|countries|markets|system|code|type)");
    private static final String SAMPLE_TEXT = "a sample of free text 42";

    final Service service;
    final JsonNode spec;

    private OpenApi(Service service, JsonNode spec) {
        this.service = service;
        this.spec = spec;
    }

    static synchronized OpenApi of(Stack stack, Service service) {
        return DOCUMENTS.computeIfAbsent(service, s -> {
            try {
                return new OpenApi(s, new ObjectMapper().readTree(URI.create(stack.url(s) + "/q/openapi?format=json")
                        .toURL()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every operation of every service. */
    static List<Operation> all(Stack stack) {
        List<Operation> all = new ArrayList<>();
        for (Service service : Service.values()) {
            all.addAll(of(stack, service).operations());
        }
        return all;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(service, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    Operation operation(String method, String path) {
        return operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " documents no " + method + " " + path));
    }

    /** The JSON schema of the operation's request body, if it has one. */
    Optional<JsonNode> requestSchema(Operation operation) {
        return operation.contentType().map(type -> operation.spec().path("requestBody").path("content").path(type)
                .path("schema")).filter(s -> !s.isMissingNode()).map(this::resolve);
    }

    /**
     * The free-text properties of the operation's request body as dotted paths ("name.family",
     * "contact.address.lines[]", "affiliations[].role"): strings without an enum or a format, whose pattern (if any)
     * accepts ordinary text, that are not references. These are where a user can type a person's data.
     */
    List<String> freeText(Operation operation) {
        List<String> found = new ArrayList<>();
        requestSchema(operation).ifPresent(schema -> collect(schema, "", found, 0));
        return found;
    }

    private void collect(JsonNode schema, String path, List<String> found, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 8) {
            return;
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            s.path(combinator).forEach(part -> collect(part, path, found, depth + 1));
        }
        String type = type(s);
        if (type.equals("object") || s.has("properties")) {
            s.path("properties").fields().forEachRemaining(p -> collect(p.getValue(), path.isEmpty() ? p.getKey()
                    : path + "." + p.getKey(), found, depth + 1));
        } else if (type.equals("array")) {
            collect(s.path("items"), path + "[]", found, depth + 1);
        } else if (type.equals("string") && !path.isEmpty() && !s.has("enum") && !s.has("format")
                && (!s.has("pattern") || textPattern(s.get("pattern").asText()))
                && !REFERENCE.matcher(leaf(path)).matches()) {
            found.add(path);
        }
    }

    /** A pattern that accepts ordinary text: the whole of a sentence, or "not blank" ({@code \\S}). */
    private static boolean textPattern(String pattern) {
        Pattern compiled = Pattern.compile(pattern);
        return compiled.matcher(SAMPLE_TEXT).matches() || pattern.length() <= 4 && compiled.matcher(SAMPLE_TEXT).find();
    }

    /**
     * A body for the schema with every property filled in with a plausible valid value: a hint by property name
     * (a known KOL, area, product...), an enum's first value, a date in the past, an ordinary word. Identifiers
     * without a hint are left out unless required (then a made-up one).
     */
    com.fasterxml.jackson.databind.node.ObjectNode sample(JsonNode schema, Map<String, Object> hints) {
        JsonNode value = sampleValue(schema, hints, null, 0);
        return value instanceof com.fasterxml.jackson.databind.node.ObjectNode object ? object
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private JsonNode sampleValue(JsonNode schema, Map<String, Object> hints, String name, int depth) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        JsonNode s = resolve(schema);
        if (name != null && hints.containsKey(name)) {
            return new ObjectMapper().valueToTree(hints.get(name));
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (s.path(combinator).size() > 0) {
                return sampleValue(s.path(combinator).get(0), hints, name, depth);
            }
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (type(s)) {
            case "object": {
                var object = nodes.objectNode();
                Set<String> required = new java.util.HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(p -> {
                        JsonNode ps = resolve(p.getValue());
                        boolean reference = "uuid".equals(ps.path("format").asText())
                                || REFERENCE.matcher(p.getKey()).matches() && !hints.containsKey(p.getKey());
                        if (!reference || required.contains(p.getKey()) || hints.containsKey(p.getKey())) {
                            object.set(p.getKey(), sampleValue(ps, hints, p.getKey(), depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array": {
                var array = nodes.arrayNode();
                if (s.path("minItems").asInt(0) > 0 || hints.containsKey(name)) {
                    array.add(sampleValue(s.path("items"), hints, name, depth + 1));
                }
                return array;
            }
            case "integer":
            case "number":
                return nodes.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case "boolean":
                return nodes.booleanNode(false);
            default:
                return switch (s.path("format").asText()) {
                    case "date" -> nodes.textNode(java.time.LocalDate.now().plusDays(7).toString());
                    case "date-time" -> nodes.textNode(java.time.Instant.now().minusSeconds(3600).toString());
                    case "uuid" -> nodes.textNode(java.util.UUID.randomUUID().toString());
                    default -> nodes.textNode("Drill text");
                };
        }
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = spec.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    /** The schema of one dotted property path under a body schema. */
    Optional<JsonNode> property(JsonNode schema, String path) {
        JsonNode s = resolve(schema);
        for (String part : path.split("\\.")) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            JsonNode next = findProperty(s, name);
            if (next == null) {
                return Optional.empty();
            }
            s = resolve(next);
            if (array) {
                s = resolve(s.path("items"));
            }
        }
        return Optional.of(s);
    }

    private JsonNode findProperty(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        if (s.path("properties").has(name)) {
            return s.path("properties").get(name);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (Iterator<JsonNode> parts = s.path(combinator).elements(); parts.hasNext();) {
                JsonNode found = findProperty(parts.next(), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String type(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return s.has("properties") ? "object" : s.has("items") ? "array" : "string";
    }

    private static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.endsWith("[]") ? last.substring(0, last.length() - 2) : last;
    }
}
