package io.rapport.insight.domain;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the author writes: the body of {@code POST /insights} and the document a draft's merge patch applies to. */
public record InsightDocument(
        UUID kolId,
        UUID interactionId,
        @NotNull @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a therapeutic area code") String therapeuticArea,
        @Pattern(regexp = "[A-Z0-9_-]{1,40}", message = "a product code") String product,
        @NotNull Category category,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String text,
        @Size(max = 20) List<@NotNull @Valid Evidence> evidence,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,49}", message = "a lower-case keyword") String> tags,
        Sentiment sentiment,
        @NotNull Boolean adverseEventMentioned) {

    public enum Category {
        UNMET_NEED,
        TREATMENT_PRACTICE,
        DATA_PERCEPTION,
        TRIAL_FEEDBACK,
        COMPETITIVE_LANDSCAPE,
        ACCESS_AND_GUIDELINES,
        OTHER
    }

    public enum Sentiment {
        POSITIVE,
        NEUTRAL,
        NEGATIVE
    }

    public InsightDocument {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        tags = tags == null ? List.of() : tags.stream().distinct().toList();
    }
}
