package io.rapport.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One changed field: its path (e.g. {@code preferences.maxContactsPerQuarter}) with the old and new value. */
@Schema(name = "FieldChange")
public record FieldChange(String field, @Schema(implementation = Object.class) JsonNode oldValue,
        @Schema(implementation = Object.class) JsonNode newValue) {
}
