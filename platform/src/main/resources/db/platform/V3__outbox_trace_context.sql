-- The W3C trace context (traceparent, tracestate) of the request or consumer that appended the event, if it ran
-- in a trace: the relay sends it on as the CloudEvents distributed-tracing extension, so the consumers' work
-- joins the same trace. Both stay null for an event written outside a trace.
ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text;
