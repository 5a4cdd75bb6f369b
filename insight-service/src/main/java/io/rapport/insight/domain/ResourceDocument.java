package io.rapport.insight.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.rapport.platform.validation.Identifier;

/** What describes a scientific resource: the body of {@code POST /resources} and of a draft's merge patch. */
public record ResourceDocument(
        @NotNull ResourceType type,
        @NotBlank @Size(max = 300) String title,
        @Valid Evidence citation,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String> therapeuticAreas,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a product code") String> products,
        @Size(max = 30) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "a lower-case keyword") String> tags,
        @NotNull Usage usage,
        @NotNull @Size(min = 1, max = 250) List<@NotNull @Identifier(Identifier.Kind.COUNTRY) String> markets) {

    public enum ResourceType {
        PUBLICATION,
        TRIAL_RESULT,
        CONGRESS_ABSTRACT,
        SLIDE_DECK,
        RESPONSE_LETTER
    }

    /** PROACTIVE content may be offered; REACTIVE_ONLY only in answer to a KOL's unsolicited request. */
    public enum Usage {
        PROACTIVE,
        REACTIVE_ONLY
    }

    public ResourceDocument {
        therapeuticAreas = therapeuticAreas == null ? List.of() : List.copyOf(therapeuticAreas);
        products = products == null ? List.of() : List.copyOf(products);
        tags = tags == null ? List.of() : tags.stream().distinct().toList();
        markets = markets == null ? List.of() : markets.stream().distinct().toList();
    }
}
