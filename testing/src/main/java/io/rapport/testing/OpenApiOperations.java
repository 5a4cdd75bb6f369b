package io.rapport.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations a service's served OpenAPI document lists, so that an invariant test (bad input is a 400, a
 * team sees only its own, an erasure leaves nothing) covers every endpoint there is, including one added
 * tomorrow, without anybody adding it to a list. Every service's tests read their document through this.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One documented operation, e.g. {@code GET /api/v1/insights/{id}}, with its parameters. */
    public record Operation(String method, String path, List<Parameter> parameters) {

        public String key() {
            return method + " " + path;
        }

        public List<Parameter> query() {
            return parameters.stream().filter(Parameter::isQuery).toList();
        }

        /** A list read: a GET that takes query parameters. */
        public boolean lists() {
            return "GET".equals(method) && !query().isEmpty();
        }

        /** A server-sent event stream. */
        public boolean isStream() {
            return path.endsWith("/stream");
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A parameter (query, path or header) and its schema, references resolved. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {

        public boolean isQuery() {
            return "query".equals(in);
        }

        public String type() {
            return schema.path("type").asText("");
        }

        public String format() {
            return schema.path("format").asText("");
        }

        public boolean enumerated() {
            return schema.has("enum");
        }
    }

    private OpenApiOperations() {
    }

    /** The document a running service serves at {@code baseUrl + /q/openapi}. */
    public static JsonNode served(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                .header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /q/openapi answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Unreadable OpenAPI document at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted reading the OpenAPI document", e);
        }
    }

    /** Every operation of the document; an error when there is none (a test over nothing proves nothing). */
    public static List<Operation> of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            parameters(document, method.getValue())));
                }
            }
        }
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document lists no operations");
        }
        return operations;
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(), resolve(document, parameter.path("schema"))));
        }
        return parameters;
    }

    /** A schema with its {@code $ref}s (and a single {@code allOf}) followed to the schema they name. */
    public static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            JsonNode target = document;
            for (String part : current.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        if (!current.has("type") && current.has("allOf")) {
            return resolve(document, current.path("allOf").path(0));
        }
        return current;
    }
}
