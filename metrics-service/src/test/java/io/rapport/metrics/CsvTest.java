package io.rapport.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.rapport.testing.Tokens.REPORTING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every metrics response as CSV for spreadsheets and reporting jobs: the same numbers as the JSON. */
@QuarkusTest
class CsvTest {

    static Scenario s;

    @BeforeAll
    static void history() {
        s = Scenario.fresh();
        try (Feed feed = new Feed()) {
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-09-01", 4));
            feed.send("rapport.interaction.completed.v1", s.completed(UUID.randomUUID(), 2, "2026-09-09", 2));
            feed.awaitApplied();
        }
    }

    @Test
    void shouldExportTheSummaryAsOneRowWithDottedColumns() {
        String csv = csv("/api/v1/metrics/summary", Map.of("from", "2026-09-01", "to", "2026-09-30", "team", s.team));
        List<Map<String, String>> rows = parse(csv);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("from", "2026-09-01").containsEntry("scope", "teams:" + s.team)
                .containsEntry("metrics.interactions.completed", "2")
                .containsEntry("metrics.feedback.average", "3.0")
                .containsEntry("metrics.interactions.byChannel.IN_PERSON", "2");
    }

    @Test
    void shouldExportASeriesAsOneRowPerBucket() {
        List<Map<String, String>> rows = parse(csv("/api/v1/metrics/msls/" + s.msl,
                Map.of("from", "2026-09-01", "to", "2026-09-14", "granularity", "week")));
        assertThat(rows).extracting(r -> r.get("start")).containsExactly("2026-09-01", "2026-09-07", "2026-09-14");
        assertThat(rows).extracting(r -> r.get("metrics.interactions.completed")).containsExactly("1", "1", "0");
        assertThat(rows).extracting(r -> r.get("granularity")).containsOnly("WEEK");
    }

    @Test
    void shouldStreamTheHealthListAsCsv() {
        List<Map<String, String>> rows = parse(csv("/api/v1/metrics/kols/health", Map.of("team", s.team)));
        assertThat(rows).extracting(r -> r.get("kolId")).containsExactly(s.kol);
        assertThat(rows.get(0)).containsEntry("assignedMsls", s.msl).containsKey("score");
    }

    private static String csv(String path, Map<String, ?> query) {
        return given().header("Authorization", REPORTING).accept("text/csv").queryParams(query).get(path).then()
                .statusCode(200).contentType("text/csv").extract().asString();
    }

    /** A minimal RFC 4180 reader: enough for the quoting the writer does. */
    static List<Map<String, String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < line.size() ? line.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
