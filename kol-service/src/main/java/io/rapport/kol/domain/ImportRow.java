package io.rapport.kol.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a bulk import: its number in the file (1 = first data row) and the profile document read from
 * it, or why the row could not be read.
 */
public record ImportRow(long number, JsonNode document, String unreadable) {

    public static ImportRow of(long number, JsonNode document) {
        return new ImportRow(number, document, null);
    }

    public static ImportRow unreadable(long number, String why) {
        return new ImportRow(number, null, why);
    }
}
