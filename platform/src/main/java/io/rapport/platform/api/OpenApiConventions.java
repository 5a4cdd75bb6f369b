package io.rapport.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the error responses every Rapport API shares, so each operation lists them without repeating
 * annotations: RFC 9457 problems for 400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 500 and 503 wherever
 * they can happen.
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema("Problem", problemSchema());
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: errors[] lists each invalid field");
        errors.put("401", "No valid bearer token");
        errors.put("403", "Your role, or the object-level rules, do not allow this");
        if (path.contains("{")) {
            errors.put("404", "No such resource, or not visible to you");
        }
        boolean write = method != PathItem.HttpMethod.GET;
        if (write) {
            errors.put("409", "Conflicts with the current state (type names the conflict)");
            errors.put("422", "Refused by a domain rule (type names the rule)");
        }
        if (hasHeader(operation, "If-Match")) {
            errors.put("412", "The resource changed since you read it (If-Match is stale)");
            errors.put("428", "If-Match is required");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "Body too large");
            errors.put("415", "Unsupported content type");
        }
        errors.put("500", "Unexpected error: quote the correlationId");
        errors.put("503", "A dependency (the database) is unavailable; retry after Retry-After seconds");
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        errors.forEach((code, description) -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        });
    }

    private static boolean hasHeader(Operation operation, String name) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static Schema problemSchema() {
        Schema error = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("JSON path of the field, or the parameter name"))
                .addProperty("message", string("What is wrong with it"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; rule-specific members may be added")
                .addProperty("type", string("Stable URI of the kind of problem"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong in this occurrence"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(error))
                .addProperty("correlationId", string("For server errors: quote it to support"))
                .additionalPropertiesBoolean(true)
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
