package io.rapport.drills;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.rapport.launcher.Service;

import static org.awaitility.Awaitility.await;

/**
 * A digest of every row of every table of a service's database: equal digests, nothing written. Two technical
 * tables change on their own schedule and are left out: the outbox (published rows are marked and later cleaned
 * up) and the consumers' processed events. A write always changes its domain table and audit trail too.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Stack stack, Service service) {
        return stack.suite.devstack().endpoints().sql(service.database(), "SELECT md5(string_agg(query_to_xml(format("
                + "'SELECT md5(coalesce(string_agg(x::text, ''|'' ORDER BY x::text), '''')) AS h FROM %I.%I x', "
                + "table_schema, table_name), false, true, '')::text, '' ORDER BY table_schema, table_name)) "
                + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
                + "('pg_catalog', 'information_schema') AND table_name NOT IN ('outbox', 'processed_event')").strip();
    }

    /** The digest once earlier writes have settled (events still being consumed, outbox still being relayed). */
    static String settled(Stack stack, Service service) {
        AtomicReference<String> last = new AtomicReference<>(of(stack, service));
        await().pollDelay(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(60))
                .until(() -> last.getAndSet(of(stack, service)).equals(last.get()));
        return last.get();
    }
}
