package io.rapport.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.rapport.platform.domain.FieldError;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code type} is a stable URI per kind
 * of problem, so clients can branch on it; rule-specific members (a cap and a count, the allowed transitions,
 * the clashing KOL) are added as extension members.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details. Rule-specific members may be added.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors", "correlationId" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://rapport.dev/problems/";

    @Schema(description = "Stable URI of the kind of problem", example = "https://rapport.dev/problems/validation")
    private final String type;
    @Schema(example = "Invalid request")
    private final String title;
    @Schema(example = "400")
    private final int status;
    @Schema(description = "What went wrong in this occurrence")
    private final String detail;
    @Schema(description = "The request path")
    private final String instance;
    @Schema(description = "One entry per invalid field (validation problems only)")
    private final List<FieldError> errors;
    @Schema(description = "For server errors: quote it to support; it is in the service log")
    private final String correlationId;
    private final Map<String, Object> extensions;

    Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
            String correlationId, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.correlationId = correlationId;
        this.extensions = new LinkedHashMap<>(extensions == null ? Map.of() : extensions);
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
