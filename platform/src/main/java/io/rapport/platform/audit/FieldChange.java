package io.rapport.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** One changed field: its path (e.g. {@code preferences.maxContactsPerQuarter}) with the old and new value. */
@Schema(name = "FieldChange")
public record FieldChange(String field, @Schema(implementation = Object.class) JsonNode oldValue,
        @Schema(implementation = Object.class) JsonNode newValue) {
}
