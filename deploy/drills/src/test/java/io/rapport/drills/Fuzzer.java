package io.rapport.drills;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates requests from a service's own OpenAPI document: an operation, its path and query parameters, a
 * token, and a body built from the operation's schema. {@link #valid} keeps to the schema's types and bounds
 * (boundary values included) with hints that make some bodies acceptable (a known KOL, area and product);
 * {@link #malformed} breaks each request in one way: wrong types, huge strings, deep nesting, invalid UTF-8, a
 * missing or a duplicated header, bad parameters, an unknown path.
 */
final class Fuzzer {

    /** One generated request. */
    record Call(String method, String path, Map<String, List<String>> headers, byte[] body, String what) {

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return what + ": " + method + " " + path + " " + headers.keySet() + " " + shown;
        }
    }

    record Operation(String method, String path, JsonNode spec) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ROLES = List.of("msl", "medical-manager", "admin", "integration", "reporting");
    private static final String[] ODD_STRINGS = { "", " ", "null", "'; DROP TABLE kol; --", "../../etc/passwd", "%00",
            "\u0000", "\uD83D\uDE00\u202E", "<script>alert(1)</script>", "${jndi:ldap://x}", "9".repeat(40), "-1",
            "2026-02-30", "1e309", "\\\\u0000" };

    private final JsonNode spec;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> hints;

    Fuzzer(String baseUrl, Map<String, String> hints, Stack stack) throws IOException {
        this.spec = new ObjectMapper().readTree(URI.create(baseUrl + "/q/openapi?format=json").toURL());
        this.hints = hints;
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            // The live stream never ends, so it cannot be answered per request: its drill is in metrics-service.
            if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey()) && !path.getKey().endsWith("/stream")) {
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
            }
        }));
        ROLES.forEach(role -> tokens.put(role, stack.token(role.equals("msl") ? Stack.MSL_A : "fuzz-" + role, role)));
    }

    List<Operation> operations() {
        return operations;
    }

    /** A request within the schema: right types, values at and inside the bounds, sometimes absent optionals. */
    Call valid(Random random) {
        Operation op = operations.get(random.nextInt(operations.size()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of(token(random)));
        byte[] body = null;
        String type = contentType(op);
        if (type != null) {
            headers.put("Content-Type", List.of(type));
            JsonNode schema = bodySchema(op, type);
            body = type.contains("json") && schema != null
                    ? value(schema, random, 0, null).toString().getBytes(StandardCharsets.UTF_8)
                    : randomText(random, 200).getBytes(StandardCharsets.UTF_8);
        }
        if (op.spec().has("parameters")) {
            for (JsonNode p : op.spec().get("parameters")) {
                if ("header".equals(p.path("in").asText()) && (p.path("required").asBoolean() || random.nextBoolean())) {
                    headers.put(p.get("name").asText(), List.of(p.get("name").asText().equalsIgnoreCase("If-Match")
                            ? "\"" + (1 + random.nextInt(3)) + "\""
                            : UUID.randomUUID().toString()));
                }
            }
        }
        return new Call(op.method(), path(op, random, false), headers, body, "valid");
    }

    /** A request broken in one way. */
    Call malformed(Random random) {
        Call base = valid(random);
        Map<String, List<String>> headers = new LinkedHashMap<>(base.headers());
        int kind = random.nextInt(10);
        if (kind == 9 && base.writes()) {
            kind = 0; // a write ignores query parameters: break its body instead
        }
        return switch (kind) {
            case 0 -> new Call(base.method(), base.path(), headers, wrongTypes(base.body(), random), "wrong types");
            case 1 -> new Call(base.method(), base.path(), headers, ("{\"title\":\"" + "x".repeat(2_000_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), "huge string");
            case 2 -> new Call(base.method(), base.path(), headers, ("[".repeat(5000) + "]".repeat(5000))
                    .getBytes(StandardCharsets.UTF_8), "deep nesting");
            case 3 -> new Call(base.method(), base.path(), headers, invalidUtf8(base.body()), "invalid UTF-8");
            case 4 -> {
                headers.remove("Authorization");
                yield new Call(base.method(), base.path(), headers, base.body(), "missing token");
            }
            case 5 -> {
                headers.put("Authorization", List.of(token(random), token(random)));
                yield new Call(base.method(), base.path(), headers, base.body(), "duplicate Authorization");
            }
            case 6 -> {
                headers.put("Content-Type", List.of("application/json", "text/plain"));
                yield new Call(base.method(), base.path(), headers, base.body(), "duplicate Content-Type");
            }
            case 7 -> new Call(base.method(), base.path().matches(".*/[0-9a-f-]{36}.*")
                    ? base.path().replaceAll("/[0-9a-f-]{36}", java.util.regex.Matcher.quoteReplacement("/" + odd(random)))
                    : base.path() + "/" + odd(random) + "/unknown",
                    headers, base.body(), "bad path parameter");
            case 8 -> new Call(base.method(), "/api/v1/" + randomPath(random), headers, base.body(), "unknown path");
            default -> new Call(base.method(), base.path() + (base.path().contains("?") ? "&" : "?") + "limit="
                    + odd(random) + "&from=" + odd(random) + "&cursor=" + odd(random), headers, base.body(),
                    "bad query parameters");
        };
    }

    private String token(Random random) {
        List<String> all = new ArrayList<>(tokens.values());
        return all.get(random.nextInt(all.size()));
    }

    private String contentType(Operation op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        Iterator<String> types = content.fieldNames();
        String first = null;
        while (types.hasNext()) {
            String type = types.next();
            if (first == null || type.contains("json")) {
                first = type;
            }
        }
        return first;
    }

    private JsonNode bodySchema(Operation op, String type) {
        JsonNode schema = op.spec().path("requestBody").path("content").path(type).path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    private String path(Operation op, Random random, boolean odd) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        if (op.spec().has("parameters")) {
            for (JsonNode p : op.spec().get("parameters")) {
                String name = p.get("name").asText();
                String value = hints.containsKey(name) && random.nextInt(3) > 0 ? hints.get(name)
                        : value(p.path("schema"), random, 0, name).asText();
                // A request line over the HTTP server's 4 KiB limit is refused before any handler (an empty 400).
                value = value.substring(0, Math.min(value.length(), 120));
                if ("path".equals(p.path("in").asText())) {
                    path = path.replace("{" + name + "}", encode(value.isEmpty() ? "x" : value));
                } else if ("query".equals(p.path("in").asText()) && (p.path("required").asBoolean() || random.nextBoolean())) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
                }
            }
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) + query;
    }

    /** A value of the schema: boundaries and ordinary values, hints for fields whose values must exist. */
    JsonNode value(JsonNode schema, Random random, int depth, String name) {
        JsonNode s = resolve(schema);
        if (name != null && hints.containsKey(name) && random.nextInt(4) > 0) {
            return NODES.textNode(hints.get(name));
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (s.has(combinator) && s.get(combinator).size() > 0) {
                return value(s.get(combinator).get(0), random, depth, name);
            }
        }
        if (s.has("enum")) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        String type = OpenApi.type(s);
        return switch (type) {
            case "object" -> object(s, random, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int max = Math.min(s.path("maxItems").asInt(3), 3);
                int size = depth > 4 ? 0 : random.nextInt(max + 1);
                for (int i = 0; i < size; i++) {
                    array.add(value(s.path("items"), random, depth + 1, name == null ? null : singular(name)));
                }
                yield array;
            }
            case "integer", "number" -> {
                long min = s.has("minimum") ? s.get("minimum").asLong() : -5;
                long max = s.has("maximum") ? s.get("maximum").asLong() : 10_000;
                long[] choices = { min, max, min + (long) (random.nextDouble() * (max - min)) };
                yield NODES.numberNode(choices[random.nextInt(choices.length)]);
            }
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(string(s, random));
        };
    }

    private ObjectNode object(JsonNode s, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        s.path("properties").fields().forEachRemaining(p -> {
            if (depth < 5 && (required.contains(p.getKey()) || random.nextInt(3) > 0)) {
                object.set(p.getKey(), value(p.getValue(), random, depth + 1, p.getKey()));
            }
        });
        return object;
    }

    private String string(JsonNode s, Random random) {
        String format = s.path("format").asText();
        int min = s.path("minLength").asInt(0);
        int max = Math.min(s.path("maxLength").asInt(40), 5000);
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> LocalDate.now().plusDays(random.nextInt(60) - 30).toString();
            case "date-time" -> Instant.now().plusSeconds(random.nextInt(86_400 * 30) - 86_400 * 15L).toString();
            default -> randomText(random, random.nextBoolean() ? max : Math.max(min, Math.min(max, 10 + random.nextInt(20))));
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            s = spec.at(ref.substring(1));
        }
        return s;
    }

    private static byte[] wrongTypes(byte[] body, Random random) {
        if (body == null) {
            return "[1, true, null]".getBytes(StandardCharsets.UTF_8);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String[] swaps = { "true", "12345678901234567890", "[]", "{}", "-0.5" };
        // Every value of the body changes type: strings become numbers and so on; an object without values becomes
        // an array.
        String odd = ODD_STRINGS[random.nextInt(ODD_STRINGS.length)].replace("\"", "").replace("\\", "");
        String swapped = text.replaceAll("\"[^\"\\\\]*\"(?=\\s*[,}\\]])", swaps[random.nextInt(swaps.length)])
                .replaceAll(":\\s*-?\\d+", java.util.regex.Matcher.quoteReplacement(":\"" + odd + "\""));
        return (swapped.equals(text) ? "[1, true, null]" : swapped).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(byte[] body) {
        byte[] base = body == null || body.length < 4 ? "{\"title\":\"xx\"}".getBytes(StandardCharsets.UTF_8) : body;
        byte[] broken = base.clone();
        broken[broken.length / 2] = (byte) 0xC3;
        broken[broken.length / 2 + 1] = (byte) 0x28;
        return broken;
    }

    private static String odd(Random random) {
        return encode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
    }

    private static String randomPath(Random random) {
        String[] parts = { "kols", "interactions", "x", "..", "%2e%2e", "admin", "q", "metrics", "insights", "%00", "*" };
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            path.append(i == 0 ? "" : "/").append(parts[random.nextInt(parts.length)]);
        }
        return path.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDÄÖÜß€中文\u00e9-_.0123456789";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
