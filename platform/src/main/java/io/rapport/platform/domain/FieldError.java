package io.rapport.platform.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON path (e.g. {@code identifiers.npi}) and what is wrong with it. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "JSON path of the field in the request body, or the parameter name", example = "identifiers.npi") String field,
        @Schema(description = "What is wrong with it", example = "not a valid NPI (check digit)") String message) {
}
