package io.rapport.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testing.DevstackResource;
import io.rapport.testing.EmittedEvents;
import io.rapport.testing.EventSender;
import io.rapport.testing.ReceivedEvent;
import io.rapport.testing.Tokens;
import io.restassured.http.ContentType;

import static io.rapport.testing.EmittedEvents.ofType;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One trace from the request through the outbox and the relay into the consumer, and the correlation id of a
 * request, against the real PostgreSQL and Kafka.
 */
@QuarkusTest
class TracingTest {

    private static final String TOPIC = "rapport.metrics.v1";
    private static final String CREATED = "rapport.test.note.created.v1";
    private final String msl = Tokens.bearer("msl-ada", "msl");

    @Inject
    Tracer tracer;
    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void shouldContinueTheRequestsTraceThroughTheOutboxIntoTheConsumer() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            String id = given().header("Authorization", msl).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .header("tracestate", "rapport=t61").contentType(ContentType.JSON)
                    .body(Map.of("title", "traced-" + UUID.randomUUID())).post("/api/v1/notes")
                    .then().statusCode(201).header("X-Correlation-Id", traceId).extract().path("id");

            // stored with the row, in the request's trace
            ReceivedEvent event = events.await(ofType(CREATED, id));
            assertThat(DevstackResource.sql("SELECT traceparent FROM outbox WHERE event_id = '" + event.id() + "'"))
                    .startsWith("00-" + traceId + "-").doesNotContain(callerSpan);
            // sent as the CloudEvents distributed-tracing extension: the same trace, the relay's send span as parent
            assertThat(event.headers().get("ce_traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(callerSpan);
            assertThat(event.headers()).containsEntry("ce_tracestate", "rapport=t61");
            // and the consumer's handling ran in it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(traceOfTally(id)).isEqualTo(traceId));
        }
    }

    @Test
    void shouldHandleAnIncomingEventInItsTrace() {
        String traceId = hex(16);
        UUID note = UUID.randomUUID();
        try (EventSender sender = new EventSender()) {
            sender.sendRaw(TOPIC, note.toString(), ("{\"noteId\":\"" + note + "\",\"aggregateVersion\":1}")
                    .getBytes(StandardCharsets.UTF_8),
                    Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                            "ce_type", CREATED, "ce_source", "/test-producer", "ce_subject", note.toString(),
                            "content-type", "application/json", "ce_traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(traceOfTally(note.toString()))
                .isEqualTo(traceId));
    }

    @Test
    void shouldSendNoTraceparentForAnEventWrittenOutsideATrace() {
        String aggregate = "untraced-" + UUID.randomUUID();
        try (EmittedEvents events = EmittedEvents.on(TOPIC)) {
            DevstackResource.sql("INSERT INTO outbox (event_id, topic, aggregate_id, type, occurred_at, payload) VALUES "
                    + "(gen_random_uuid(), '" + TOPIC + "', '" + aggregate + "', 'rapport.test.untraced.v1', now(), '{}')");
            ReceivedEvent event = events.await(e -> aggregate.equals(e.key()));
            assertThat(event.headers()).doesNotContainKeys("ce_traceparent", "ce_tracestate");
        }
    }

    @Test
    void shouldAnswerWithTheCallersCorrelationIdAndQuoteItInAServerError() {
        given().header("Authorization", msl).header("X-Correlation-Id", "support-case-4711").get("/api/v1/notes/boom")
                .then().statusCode(500).header("X-Correlation-Id", "support-case-4711")
                .body("correlationId", equalTo("support-case-4711"));
    }

    @Test
    void shouldReplaceAnImplausibleCorrelationIdByTheTraceId() {
        String traceId = hex(16);
        given().header("Authorization", msl).header("X-Correlation-Id", "Dr. Quillfeather <x@example.org>")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").get("/api/v1/notes/boom")
                .then().statusCode(500).header("X-Correlation-Id", traceId).body("correlationId", equalTo(traceId));
    }

    @Test
    void shouldNotTryToExportSpansWhenNoCollectorIsConfigured() throws IOException {
        ServerSocket collector;
        try {
            collector = new ServerSocket(4317);
        } catch (IOException busy) {
            assumeTrue(false, "port 4317 is taken on this machine: " + busy.getMessage());
            return;
        }
        try (collector) {
            given().header("Authorization", msl).header("traceparent", "00-" + hex(16) + "-" + hex(8) + "-01")
                    .contentType(ContentType.JSON).body(Map.of("title", "exported-" + UUID.randomUUID()))
                    .post("/api/v1/notes").then().statusCode(201);
            // the batch span processor exports every 5 s; an exporter would connect to Quarkus' default endpoint
            collector.setSoTimeout(7_000);
            try {
                collector.accept().close();
                fail("spans were exported to localhost:4317, which nobody configured");
            } catch (SocketTimeoutException expected) {
                // nothing tried to connect
            }
        }
    }

    @Test
    void shouldRecordNoTraceForADatabaseStatementOutsideATrace() {
        Span statement = tracer.spanBuilder("SELECT rapport").setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system", "postgresql").startSpan();
        Span request = tracer.spanBuilder("GET /api/v1/notes").setSpanKind(SpanKind.SERVER).startSpan();
        try {
            assertThat(statement.isRecording()).as("a timer's statement").isFalse();
            assertThat(request.isRecording()).isTrue();
        } finally {
            statement.end();
            request.end();
        }
        assertThat(openTelemetry.toString()).as("spans are redacted as they start").contains("SpanRedaction");
    }

    private static String traceOfTally(String note) {
        return DevstackResource.sql("SELECT COALESCE((SELECT trace_id FROM note_tally WHERE note_id = '" + note + "'), '')");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
