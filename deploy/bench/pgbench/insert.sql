-- One planned interaction and its outbox row, in one transaction: what POST /api/v1/interactions writes.
\set k random(1, 100000)
BEGIN;
INSERT INTO interaction (id, kol_id, msl_id, team, channel, kind, objective, therapeutic_area, products, planned_start,
    duration_minutes, status, version, created_at, updated_at)
  VALUES (gen_random_uuid(), md5(:k::text)::uuid, 'msl-bench-1', 'bench-team', 'IN_PERSON', 'ONE_TO_ONE',
    'Discuss the phase III results and the KOL''s practice', 'ONCOLOGY', '["ONC-101"]', now() + interval '1 day', 30,
    'PLANNED', 1, now(), now());
INSERT INTO outbox (event_id, topic, aggregate_id, type, occurred_at, payload)
  VALUES (gen_random_uuid(), 'rapport.interaction.v1', md5(:k::text), 'rapport.interaction.planned.v1', now(),
    '{"kolId": "3f2b6c1e-9a1d-4c7e-8f7a-2b1d0c9e8a77", "mslId": "msl-bench-1", "team": "bench-team", "channel": "IN_PERSON", "kind": "ONE_TO_ONE", "topics": ["efficacy"], "therapeuticArea": "ONCOLOGY", "products": ["ONC-101"], "timeZone": "Europe/Berlin", "localDate": "2026-12-02", "status": "PLANNED", "transfersOfValue": [], "capQuarter": "2026-Q4", "capOverridden": false, "offPreferenceChannel": false, "overPreferredDuration": false, "aggregateVersion": 1}');
COMMIT;
