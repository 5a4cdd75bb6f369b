package io.rapport.platform.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON path (e.g. {@code identifiers.npi}) and what is wrong with it. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "JSON path of the field in the request body, or the parameter name", example = "identifiers.npi") String field,
        @Schema(description = "What is wrong with it", example = "not a valid NPI (check digit)") String message) {

    /**
     * {@code create.request.name.given} becomes {@code name.given}, an element of a list {@code items[2].id}; a
     * query parameter keeps its name.
     */
    public static String pathOf(Path path) {
        List<String> body = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && !body.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    body.set(body.size() - 1, body.get(body.size() - 1) + "[" + position + "]");
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                body.add(node.getName());
            }
        }
        if (body.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", body);
    }

    /** A violated Bean Validation constraint as the field it is about and its message. */
    public static FieldError of(ConstraintViolation<?> violation) {
        return new FieldError(pathOf(violation.getPropertyPath()), violation.getMessage());
    }
}
