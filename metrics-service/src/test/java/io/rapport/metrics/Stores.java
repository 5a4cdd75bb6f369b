package io.rapport.metrics;

import java.util.Map;
import java.util.TreeMap;

import io.rapport.testing.DevstackResource;

/**
 * Searches every column of every table in every schema of metrics-service's database (live projections, a
 * rebuild's shadow, the platform's outbox, processed events, idempotency keys, replicas...) for a text, in one
 * statement: whatever the erasure forgot, wherever it is.
 */
final class Stores {

    private Stores() {
    }

    /** "schema.table.column" → rows whose value, as text, contains {@code text}. */
    static Map<String, Long> columnsHolding(String text) {
        String like = "%" + text.replace("'", "''") + "%";
        String rows = DevstackResource.sql("SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name || '|' "
                + "|| (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I WHERE CAST(%I AS text) "
                + "LIKE %L', c.table_schema, c.table_name, c.column_name, '" + like + "'), false, true, '')))[1]::text "
                + "FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                + "AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
                + "WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'");
        Map<String, Long> hits = new TreeMap<>();
        for (String row : rows.split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length == 2 && Long.parseLong(cells[1].trim()) > 0) {
                hits.put(cells[0], Long.parseLong(cells[1].trim()));
            }
        }
        return hits;
    }

    /** How many columns the scan reads: it must read some of every schema, or it proves nothing. */
    static String schemasScanned() {
        return DevstackResource.sql("SELECT string_agg(DISTINCT c.table_schema, ',' ORDER BY c.table_schema) FROM "
                + "information_schema.columns c WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') "
                + "AND c.table_schema NOT LIKE 'pg_toast%'");
    }
}
