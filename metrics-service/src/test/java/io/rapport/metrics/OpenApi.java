package io.rapport.metrics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static io.restassured.RestAssured.given;

/**
 * The operations metrics-service documents at /q/openapi: invariant tests loop over them, so an endpoint added
 * tomorrow is checked without anybody adding it to a list.
 */
final class OpenApi {

    /** A query or path parameter and its schema. */
    record Param(String name, String in, JsonNode schema) {

        boolean isQuery() {
            return "query".equals(in);
        }

        String type() {
            return schema.path("type").asText();
        }

        String format() {
            return schema.path("format").asText();
        }

        boolean isEnum() {
            return schema.has("enum");
        }
    }

    record Operation(String method, String path, List<Param> params) {

        List<Param> query() {
            return params.stream().filter(Param::isQuery).toList();
        }

        boolean isStream() {
            return path.endsWith("/stream");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApi() {
    }

    static List<Operation> operations() {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                    .statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new AssertionError("Unreadable OpenAPI document", e);
        }
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!method.getValue().isObject() || !method.getValue().has("responses")) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                method.getValue().path("parameters").forEach(p -> params.add(new Param(p.path("name").asText(),
                        p.path("in").asText(), p.path("schema"))));
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), params));
            }
        }
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document lists no operations");
        }
        return operations;
    }

    /** The GET operations under a prefix. */
    static List<Operation> reads(String prefix) {
        return operations().stream().filter(o -> o.method().equals("GET") && o.path().startsWith(prefix)).toList();
    }
}
