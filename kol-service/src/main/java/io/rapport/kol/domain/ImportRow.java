package io.rapport.kol.domain;

import java.util.List;

import io.rapport.platform.domain.FieldError;

/**
 * One row of a bulk import as the edge read it: its number in the file (1 = first data row) and either the
 * profile it holds or what is wrong with it (the row could not be read, is not a profile, carries the rights, or
 * a field is invalid). A row with errors is reported as rejected, with exactly these errors.
 */
public record ImportRow(long number, KolProfile profile, List<FieldError> errors) {

    public ImportRow {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (profile == null && errors.isEmpty()) {
            throw new IllegalArgumentException("row " + number + " holds neither a profile nor its errors");
        }
    }

    public static ImportRow of(long number, KolProfile profile) {
        return new ImportRow(number, profile, List.of());
    }

    public static ImportRow rejected(long number, List<FieldError> errors) {
        return new ImportRow(number, null, errors);
    }

    /** A row that is not a document at all (not JSON, too long, the wrong number of CSV values). */
    public static ImportRow unreadable(long number, String why) {
        return rejected(number, List.of(new FieldError("row", why)));
    }

    public boolean isRejected() {
        return !errors.isEmpty();
    }
}
