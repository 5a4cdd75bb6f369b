package io.rapport.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.launcher.Service;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** Where the invariant tests look for personal data: every column, every API answer about a KOL, every log. */
final class Scan {

    private Scan() {
    }

    /**
     * Every column of every table of the service's database (all schemas) whose text form holds a needle, as
     * "schema.table.column: needle". Text, varchar, jsonb and tsvector columns and everything else that has a text
     * form: a column the scan did not know of is still scanned.
     */
    static List<String> columns(Stack stack, Service service, Collection<String> needles) {
        List<String> found = new ArrayList<>();
        for (String needle : needles) {
            String literal = "'" + needle.replace("'", "''") + "'";
            String hits = stack.suite.devstack().endpoints().sql(service.database(), "SELECT c.table_schema || '.' || "
                    + "c.table_name || '.' || c.column_name FROM information_schema.columns c JOIN "
                    + "information_schema.tables t USING (table_schema, table_name) WHERE t.table_type = 'BASE TABLE' "
                    + "AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND (xpath('count(/table/row)', "
                    + "query_to_xml(format('SELECT 1 AS hit FROM %I.%I x WHERE strpos(x.%I::text, %L) > 0 LIMIT 1', "
                    + "c.table_schema, c.table_name, c.column_name, " + literal + "), false, false, '')))[1]::text::int > 0")
                    .strip();
            hits.lines().filter(l -> !l.isBlank()).forEach(l -> found.add(service.database() + ":" + l + ": " + needle));
        }
        return found;
    }

    /** The GET operations that answer about one KOL or its records, with every id of the story filled in. */
    static List<String> urlsAbout(Stack stack, MarkedStory story) {
        Set<String> urls = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        story.records.values().forEach(ids::addAll);
        for (OpenApi.Operation op : OpenApi.all(stack)) {
            if (op.writes() || op.path().endsWith("/stream") || op.path().contains("{token}")) {
                continue;
            }
            String base = stack.url(op.service());
            List<String> params = op.pathParameters();
            List<String> paths = new ArrayList<>();
            if (params.isEmpty()) {
                paths.add(op.path());
            } else if (params.stream().allMatch(p -> p.equals("id") || p.equals("kolId"))) {
                for (String id : ids) {
                    paths.add(op.path().replace("{id}", id).replace("{kolId}", id));
                }
            } else {
                paths.add(op.path().replace("{system}", story.externalSystem).replace("{externalId}", story.externalId)
                        .replace("{team}", Stack.TEAM_A).replace("{code}", Stack.AREA).replace("{id}", story.kolId));
            }
            for (String path : paths) {
                urls.add(base + path);
                if (op.queryParameters().contains("kolId")) {
                    urls.add(base + path + "?kolId=" + story.kolId);
                }
                if (op.queryParameters().contains("team")) {
                    urls.add(base + path + "?team=" + Stack.TEAM_A);
                }
                if (op.queryParameters().contains("q")) {
                    urls.add(base + path + "?q=" + story.marker);
                }
            }
        }
        return new ArrayList<>(urls);
    }

    /** Each GET about the story (as admin, the MSL and their manager) whose answer holds a needle. */
    static List<String> answers(Stack stack, MarkedStory story, Map<String, String> tokens, Collection<String> needles) {
        List<String> found = new ArrayList<>();
        for (String url : urlsAbout(stack, story)) {
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                Response response = given().header("Authorization", token.getValue()).get(url);
                String body = response.asString();
                for (String needle : needles) {
                    if (body.contains(needle)) {
                        found.add(token.getKey() + " GET " + url + " -> " + response.statusCode() + ": " + needle);
                    }
                }
            }
        }
        return found;
    }

    /** The service logs (every instance's) that hold a needle. */
    static List<String> logs(Stack stack, Collection<String> needles) {
        List<String> found = new ArrayList<>();
        try (var files = Files.list(stack.logs)) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log);
                for (String needle : needles) {
                    int at = text.indexOf(needle);
                    if (at >= 0) {
                        found.add(log.getFileName() + ": ..." + text.substring(Math.max(0, at - 150),
                                Math.min(text.length(), at + 60)).replace('\n', ' '));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The rows (as "database:schema.table") that hold both strings. */
    static List<String> rowsWithBoth(Stack stack, Service service, String one, String other) {
        String sql = "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = "
                + "'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND (xpath('count(/table/row)', "
                + "query_to_xml(format('SELECT 1 AS hit FROM %I.%I x WHERE strpos(x::text, %L) > 0 AND strpos(x::text, %L) "
                + "> 0 LIMIT 1', table_schema, table_name, '" + one.replace("'", "''") + "', '" + other.replace("'", "''")
                + "'), false, false, '')))[1]::text::int > 0";
        return stack.suite.devstack().endpoints().sql(service.database(), sql).strip().lines()
                .filter(l -> !l.isBlank()).map(l -> service.database() + ":" + l).toList();
    }

    /** The status of an erasure as GET /kols/{id}/erasure shows it: which services confirmed it. */
    static Set<String> confirmedBy(JsonNode erasure) {
        Set<String> services = new LinkedHashSet<>();
        collectConfirmations(erasure, services);
        return services;
    }

    private static void collectConfirmations(JsonNode node, Set<String> services) {
        if (node.isObject()) {
            if (node.path("service").isTextual() && node.hasNonNull("confirmedAt")) {
                services.add(node.get("service").asText());
            }
            node.fields().forEachRemaining(e -> {
                // {"confirmations": {"interaction-service": {"confirmedAt": ...}}}
                if (e.getValue().isObject() && e.getValue().hasNonNull("confirmedAt") && e.getKey().endsWith("-service")) {
                    services.add(e.getKey());
                }
                collectConfirmations(e.getValue(), services);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectConfirmations(n, services));
        }
    }
}
