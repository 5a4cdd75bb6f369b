package io.rapport.kol.domain;

import java.util.List;
import java.util.UUID;

import io.rapport.platform.domain.FieldError;

/** The report line of one imported row. */
public record ImportResult(long row, Outcome outcome, UUID kolId, List<FieldError> errors) {

    /**
     * ABORTED is the last line of an import that stopped early (the body was too large, the database went
     * away): rows after it were not processed. Re-sending the file is safe: rows are upserts.
     */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED,
        ABORTED
    }

    public static ImportResult rejected(long row, List<FieldError> errors) {
        return new ImportResult(row, Outcome.REJECTED, null, errors);
    }

    public static ImportResult rejected(long row, String field, String message) {
        return rejected(row, List.of(new FieldError(field, message)));
    }
}
