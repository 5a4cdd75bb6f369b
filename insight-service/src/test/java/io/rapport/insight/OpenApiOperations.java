package io.rapport.insight;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static io.restassured.RestAssured.given;

/** The operations the service documents at /q/openapi: what invariant tests run over, so none is left out. */
final class OpenApiOperations {

    /** One documented operation, e.g. {@code GET /api/v1/insights/{id}}, with its query parameters. */
    record Operation(String method, String path, List<Parameter> query) {

        String key() {
            return method + " " + path;
        }

        boolean lists() {
            return "GET".equals(method) && !query.isEmpty();
        }
    }

    /** A query parameter and its schema (resolved). */
    record Parameter(String name, boolean required, JsonNode schema) {

        String type() {
            return schema.path("type").asText("");
        }

        String format() {
            return schema.path("format").asText("");
        }

        boolean enumerated() {
            return schema.has("enum");
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> all() {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                    .statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                List<Parameter> query = new ArrayList<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.add(new Parameter(parameter.path("name").asText(), parameter.path("required").asBoolean(),
                                resolve(document, parameter.path("schema"))));
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), query));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String[] parts = current.path("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
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
