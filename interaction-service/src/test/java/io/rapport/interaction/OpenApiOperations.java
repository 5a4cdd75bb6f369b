package io.rapport.interaction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static io.restassured.RestAssured.given;

/** The operations of this service's OpenAPI document (/q/openapi), so invariants cover every endpoint there is. */
final class OpenApiOperations {

    /** One documented operation and its query parameters (name to schema). */
    record Operation(String method, String path, Map<String, JsonNode> query) {

        String key() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    static JsonNode document() {
        try {
            return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Operation> all() {
        JsonNode paths = document().path("paths");
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> each = paths.fields();
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> path = each.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                Map<String, JsonNode> query = new java.util.LinkedHashMap<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.put(parameter.path("name").asText(), parameter.path("schema"));
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), query));
            }
        }
        return operations;
    }
}
