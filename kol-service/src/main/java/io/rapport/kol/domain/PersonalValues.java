package io.rapport.kol.domain;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.platform.audit.AuditTrail;

/**
 * The KOL's own values (names, contact data, identifiers, free text): every text at a {@link Snapshot#personal}
 * path. An erasure removes them from the one free text it keeps, the admin's reason, so the reason can name the
 * request without carrying the person.
 */
final class PersonalValues {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Shorter values ("Dr.", "MD") are not the person and would mangle any sentence. */
    private static final int SHORTEST = 3;

    private final Set<String> values;

    private PersonalValues(Set<String> values) {
        this.values = values;
    }

    static PersonalValues of(Snapshot snapshot) {
        // longest first, so "Ada Lovelace" goes before "Ada"
        Set<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        collect("", JSON.valueToTree(snapshot), values);
        return new PersonalValues(values);
    }

    /** The text with each of the values, in any case, replaced by {@value AuditTrail#ERASED}. */
    String removedFrom(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : values) {
            // whole words only: the KOL "Ana" leaves "analysis" alone
            result = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result).replaceAll(Matcher.quoteReplacement(AuditTrail.ERASED));
        }
        return result;
    }

    /** Field paths as the audit trail writes them: objects by "." down to their leaves; a list is one field. */
    private static void collect(String path, JsonNode node, Set<String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), values));
        } else if (Snapshot.personal(path)) {
            texts(node, values);
        }
    }

    private static void texts(JsonNode node, Set<String> values) {
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(element -> texts(element, values));
        } else if (node.isTextual() && node.asText().trim().length() >= SHORTEST) {
            values.add(node.asText().trim());
        }
    }
}
