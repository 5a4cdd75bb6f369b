package io.rapport.interaction.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The id of a record in a CRM ({@code veeva} / {@code a0B1x000003DGb2}). */
public record ExternalRef(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "lower-case letters, digits and '-'") String system,
        @NotBlank @Pattern(regexp = "[\\x21-\\x7E]{1,100}", message = "1 to 100 visible ASCII characters") String id) {
}
