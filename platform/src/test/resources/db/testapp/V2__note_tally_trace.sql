-- the trace the consumer handled the latest note event in (the tracing test follows a trace end to end)
ALTER TABLE note_tally ADD COLUMN trace_id text;
