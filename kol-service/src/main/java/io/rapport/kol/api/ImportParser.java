package io.rapport.kol.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.kol.domain.RightsFields;
import io.rapport.platform.api.ProblemException;
import io.rapport.platform.domain.DomainException;
import io.rapport.platform.domain.FieldError;

/**
 * Turns the chunks of an import body into rows as they arrive, never holding the file: NDJSON (one profile
 * document per line) or CSV (RFC 4180, header row, flat columns), each row a JSON document that
 * {@link ProfileDocuments} then reads as a profile. Not thread-safe: one per request.
 *
 * <p>
 * Each row is limited too ({@code maxRowBytes}), not only the upload: a row of a 256 MiB upload without a
 * newline would otherwise be held whole and parsed at once. A longer row is read on and dropped, and reported
 * as rejected; the import goes on with the next one.
 */
abstract class ImportParser {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    /** The bytes of the current row so far, and whether it went over the limit (then it is no longer kept). */
    private final long maxRowBytes;
    private long rowBytes;
    private boolean rowTooLong;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    /** One row of the file: its number (1 = first data row) and its document, or why it could not be read. */
    record Row(long number, JsonNode document, String unreadable) {

        static Row of(long number, JsonNode document) {
            return new Row(number, document, null);
        }

        static Row unreadable(long number, String why) {
            return new Row(number, null, why);
        }
    }

    ImportParser(long maxRowBytes) {
        this.maxRowBytes = maxRowBytes;
    }

    static ImportParser of(String mediaType, ObjectMapper json, long maxRowBytes) {
        if (mediaType == null) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the import as " + NDJSON + " or " + CSV, null);
        }
        return mediaType.startsWith(CSV) ? new Csv(json, maxRowBytes) : new Ndjson(json, maxRowBytes);
    }

    /** Counts a character of the current row (as UTF-8 bytes); false once the row is over the limit. */
    final boolean keep(char c) {
        rowBytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        if (rowBytes > maxRowBytes) {
            rowTooLong = true;
        }
        return !rowTooLong;
    }

    final boolean overLimit() {
        return rowTooLong;
    }

    /** Ends the current row; true when it was over the limit (and so was not kept). */
    final boolean rowEnded() {
        boolean tooLong = rowTooLong;
        rowBytes = 0;
        rowTooLong = false;
        return tooLong;
    }

    final String tooLong() {
        return "the row is longer than " + maxRowBytes + " bytes; it was not read (split it or shorten its texts)";
    }

    /** The rows completed by this chunk of bytes (a multi-byte character may span chunks). */
    List<Row> push(byte[] chunk) {
        ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + chunk.length).put(leftover).put(chunk).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        utf8.decode(in, out, false);
        leftover = in.slice();
        return accept(out.flip());
    }

    /** The last row, when the file does not end with a newline. */
    List<Row> finish() {
        CharBuffer out = CharBuffer.allocate(leftover.remaining() + 1);
        utf8.decode(leftover, out, true);
        utf8.flush(out);
        List<Row> rows = new ArrayList<>(accept(out.flip()));
        rows.addAll(end());
        return rows;
    }

    abstract List<Row> accept(CharBuffer text);

    abstract List<Row> end();

    /** One profile document per line; blank lines are skipped. */
    private static final class Ndjson extends ImportParser {
        private final ObjectMapper json;
        private final StringBuilder line = new StringBuilder();
        private long number;

        Ndjson(ObjectMapper json, long maxRowBytes) {
            super(maxRowBytes);
            this.json = json;
        }

        @Override
        List<Row> accept(CharBuffer text) {
            List<Row> rows = new ArrayList<>();
            while (text.hasRemaining()) {
                char c = text.get();
                if (c == '\n') {
                    complete(rows);
                } else if (keep(c)) {
                    line.append(c);
                }
            }
            return rows;
        }

        @Override
        List<Row> end() {
            List<Row> rows = new ArrayList<>();
            complete(rows);
            return rows;
        }

        private void complete(List<Row> rows) {
            String text = line.toString().strip();
            line.setLength(0);
            if (rowEnded()) {
                rows.add(Row.unreadable(++number, tooLong()));
                return;
            }
            if (text.isEmpty()) {
                return;
            }
            number++;
            try {
                rows.add(Row.of(number, json.readTree(text)));
            } catch (Exception e) {
                rows.add(Row.unreadable(number, "not a JSON document: " + firstLine(e.getMessage())));
            }
        }
    }

    /**
     * CSV with a header row naming {@link #COLUMNS}; lists are separated by ';'. Quoted fields may hold commas,
     * newlines and doubled quotes.
     */
    private static final class Csv extends ImportParser {
        static final List<String> COLUMNS = List.of("externalSystem", "externalId", "npi", "orcid", "prefix", "given",
                "family", "suffix", "email", "phone", "country", "tier", "specialties", "therapeuticAreas",
                "researchInterests", "researchTopics", "currentProjects", "channels", "meetingLengthMinutes",
                "maxContactsPerQuarter",
                "status");
        /** Columns that once were, or might be taken for, the KOL's rights: the rights endpoints change them. */
        static final List<String> RIGHTS = List.of("lawfulBasis", "dataProtection", "doNotContact");

        private final ObjectMapper json;
        private final StringBuilder field = new StringBuilder();
        private List<String> record = new ArrayList<>();
        private List<String> header;
        private boolean quoted;
        private boolean quotePending;
        private boolean fieldStarted;
        private long number;

        Csv(ObjectMapper json, long maxRowBytes) {
            super(maxRowBytes);
            this.json = json;
        }

        @Override
        List<Row> accept(CharBuffer text) {
            List<Row> rows = new ArrayList<>();
            while (text.hasRemaining()) {
                char c = text.get();
                // past the limit the row is still parsed (quotes decide where it ends) but no longer kept
                boolean kept = keep(c);
                if (quotePending) {
                    quotePending = false;
                    if (c == '"') {
                        if (kept) {
                            field.append('"');
                        }
                        continue;
                    }
                    quoted = false;
                }
                if (quoted) {
                    if (c == '"') {
                        quotePending = true;
                    } else if (kept) {
                        field.append(c);
                    }
                } else if (c == '"' && !fieldStarted) {
                    quoted = true;
                    fieldStarted = true;
                } else if (c == ',') {
                    endField();
                } else if (c == '\n') {
                    endField();
                    endRecord(rows);
                } else if (c != '\r') {
                    if (kept) {
                        field.append(c);
                    }
                    fieldStarted = true;
                }
            }
            return rows;
        }

        @Override
        List<Row> end() {
            List<Row> rows = new ArrayList<>();
            if (fieldStarted || !record.isEmpty() || field.length() > 0) {
                endField();
                endRecord(rows);
            }
            return rows;
        }

        private void endField() {
            if (!overLimit()) {
                record.add(field.toString());
            }
            field.setLength(0);
            fieldStarted = false;
        }

        private void endRecord(List<Row> rows) {
            List<String> values = record;
            record = new ArrayList<>();
            boolean tooLong = rowEnded();
            if (tooLong && header == null) {
                throw DomainException.invalid("header", tooLong());
            }
            if (tooLong) {
                rows.add(Row.unreadable(++number, tooLong()));
                return;
            }
            if (values.size() == 1 && values.get(0).isBlank()) {
                return;
            }
            if (header == null) {
                header = values.stream().map(String::strip).toList();
                List<FieldError> rights = header.stream().filter(RIGHTS::contains)
                        .map(h -> new FieldError(h, RightsFields.message(h))).toList();
                if (!rights.isEmpty()) {
                    throw RightsFields.refusal(rights);
                }
                List<FieldError> unknown = new ArrayList<>();
                header.stream().filter(h -> !COLUMNS.contains(h))
                        .forEach(h -> unknown.add(new FieldError("header", "unknown column '" + h + "'; known: " + COLUMNS)));
                if (!unknown.isEmpty()) {
                    throw DomainException.invalid(unknown);
                }
                return;
            }
            number++;
            if (values.size() != header.size()) {
                rows.add(Row.unreadable(number, values.size() + " values for " + header.size() + " columns"));
                return;
            }
            rows.add(Row.of(number, document(values)));
        }

        /** The flat CSV columns as the profile document NDJSON rows carry. */
        private JsonNode document(List<String> values) {
            ObjectNode profile = json.createObjectNode();
            ObjectNode name = json.createObjectNode();
            ObjectNode identifiers = json.createObjectNode();
            ObjectNode preferences = json.createObjectNode();
            ObjectNode contact = json.createObjectNode();
            String system = null;
            String externalId = null;
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                String value = values.get(i).strip();
                if (value.isEmpty()) {
                    continue;
                }
                switch (column) {
                    case "externalSystem" -> system = value;
                    case "externalId" -> externalId = value;
                    case "npi", "orcid" -> identifiers.put(column, value);
                    case "prefix", "given", "family", "suffix" -> name.put(column, value);
                    case "email", "phone" -> contact.put(column, value);
                    case "specialties", "therapeuticAreas", "researchInterests", "researchTopics", "currentProjects" ->
                        profile.set(column, list(value));
                    case "channels" -> preferences.set(column, list(value));
                    case "meetingLengthMinutes", "maxContactsPerQuarter" -> preferences.set(column, number(value));
                    case "tier" -> profile.set(column, number(value));
                    default -> profile.put(column, value);
                }
            }
            if (system != null || externalId != null) {
                identifiers.set("external", json.createArrayNode().add(json.createObjectNode()
                        .put("system", system).put("id", externalId)));
            }
            profile.set("name", name);
            setIfAny(profile, "identifiers", identifiers);
            setIfAny(profile, "preferences", preferences);
            setIfAny(profile, "contact", contact);
            return profile;
        }

        private ArrayNode list(String value) {
            ArrayNode list = json.createArrayNode();
            for (String item : value.split(";")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
            return list;
        }

        /** An integer column; anything else stays text so the profile reader names the field. */
        private JsonNode number(String value) {
            try {
                return json.getNodeFactory().numberNode(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                return json.getNodeFactory().textNode(value);
            }
        }

        private static void setIfAny(ObjectNode parent, String name, ObjectNode child) {
            if (!child.isEmpty()) {
                parent.set(name, child);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
