package io.rapport.metrics.api;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.platform.paging.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Any metrics response as CSV (RFC 4180): nested fields become dotted columns
 * ({@code metrics.interactions.completed}); a series gives one row per bucket. Cells that a spreadsheet would
 * run as a formula are prefixed with an apostrophe.
 */
@Provider
@Singleton
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

    private final ObjectMapper json;

    public CsvWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getPackageName().startsWith("io.rapport.metrics") && mediaType.isCompatible(MediaType.valueOf(TEXT_CSV));
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        JsonNode tree = json.valueToTree(value);
        List<Map<String, String>> rows = rows(tree);
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        StringBuilder text = new StringBuilder(line(new ArrayList<>(columns)));
        for (Map<String, String> row : rows) {
            text.append(line(columns.stream().map(c -> row.getOrDefault(c, "")).toList()));
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams every page of a list as CSV lines, asking for the next page only once the previous one is written;
     * the header comes from the item type's fields.
     */
    public <T> Multi<String> pages(Function<String, Uni<Page<T>>> page, Class<T> itemType) {
        List<String> header = header(itemType);
        Multi<String> body = pagesFrom(null, page).onItem().transform(p -> {
            StringBuilder lines = new StringBuilder();
            for (T item : p.items()) {
                Map<String, String> row = flatten(json.valueToTree(item));
                lines.append(line(header.stream().map(c -> row.getOrDefault(c, "")).toList()));
            }
            return lines.toString();
        });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(line(header)), body);
    }

    private static <T> Multi<Page<T>> pagesFrom(String cursor, Function<String, Uni<Page<T>>> page) {
        return page.apply(cursor).toMulti().onItem().transformToMultiAndConcatenate(p -> p.nextCursor() == null
                ? Multi.createFrom().item(p)
                : Multi.createBy().concatenating().streams(Multi.createFrom().item(p), pagesFrom(p.nextCursor(), page)));
    }

    private static List<String> header(Class<?> type) {
        List<String> columns = new ArrayList<>();
        for (var component : type.getRecordComponents()) {
            columns.add(component.getName());
        }
        return columns;
    }

    /** A series (an object with "buckets") is one row per bucket with the series' own fields; else one row. */
    private static List<Map<String, String>> rows(JsonNode tree) {
        JsonNode series = tree.has("buckets") ? tree : tree.path("series");
        if (!series.has("buckets")) {
            return List.of(flatten(tree));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode bucket : series.get("buckets")) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("scope", series.path("scope").asText());
            row.put("granularity", series.path("granularity").asText());
            row.putAll(flatten(bucket));
            rows.add(row);
        }
        return rows;
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> row = new LinkedHashMap<>();
        flatten("", node, row);
        return row;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), row);
            }
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
            }
            if (scalars) {
                List<String> values = new ArrayList<>();
                node.forEach(item -> values.add(item.asText()));
                row.put(prefix, String.join(";", values));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix + "." + i, node.get(i), row);
                }
            }
        } else if (!node.isNull()) {
            row.put(prefix, node.asText());
        }
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    private static String cell(String value) {
        String safe = value;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            safe = "'" + value;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
