package io.rapport.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.Patch;

/**
 * Reads a document the way a request body is read (strictly, then Bean Validation), for documents built on
 * the server: the result of a JSON Merge Patch, or a row of a bulk import.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper json;
    private final Validator validator;

    public JsonBodies(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * A JSON Merge Patch (RFC 7396) as the domain applies it: the current document patched, read back as
     * {@code type} and validated; 400 when the patch is not a JSON object, when the domain applies it (after the
     * record was found, as clients know).
     */
    public <T> Patch<T> patch(JsonNode patch, Class<T> type) {
        return current -> patched(current, patch, type);
    }

    /** {@code current} patched with {@code patch} (RFC 7396), read back as {@code type} and validated. */
    public <T> T patched(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "a merge patch is a JSON object");
        }
        return read(MergePatch.apply(json.valueToTree(current), patch), type);
    }

    /** The tree as {@code type}, validated; 400 with field errors otherwise. */
    public <T> T read(JsonNode tree, Class<T> type) {
        T value;
        try {
            value = json.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw DomainException.invalid(path(e), "unknown property: not part of this API");
        } catch (JsonMappingException e) {
            throw DomainException.invalid(path(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("body", firstLine(e.getOriginalMessage()));
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** The JSON path of the field a mapping failure is about ({@code a.b[2].c}), or {@code body}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson names our classes; clients need the field, not the Java type
        return line.replaceAll(" \\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[a-zA-Z_$0-9]+)+`", "value");
    }
}
