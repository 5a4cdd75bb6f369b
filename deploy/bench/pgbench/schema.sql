-- The ceilings' tables: shaped like what the services write and read, on the same PostgreSQL, bare (no
-- application in between). Loaded once per bench run into the database "ceiling".
DROP TABLE IF EXISTS interaction, outbox, kol, bare_import;
CREATE TABLE interaction (
    id uuid PRIMARY KEY, kol_id uuid NOT NULL, msl_id text NOT NULL, team text NOT NULL, channel text NOT NULL,
    kind text NOT NULL, objective text NOT NULL, therapeutic_area text, products jsonb NOT NULL,
    planned_start timestamptz, duration_minutes int, status text NOT NULL, version bigint NOT NULL,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
CREATE INDEX ON interaction (kol_id);
CREATE TABLE outbox (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL, topic text NOT NULL, aggregate_id text NOT NULL,
    type text NOT NULL, occurred_at timestamptz NOT NULL, payload jsonb NOT NULL, published_at timestamptz);
CREATE TABLE kol (id uuid PRIMARY KEY, version bigint NOT NULL, profile jsonb NOT NULL);
INSERT INTO kol
SELECT md5(i::text)::uuid, 1, jsonb_build_object('name', jsonb_build_object('given', 'Given' || i, 'family', 'Family' || i),
       'country', 'DE', 'therapeuticAreas', jsonb_build_array('ONCOLOGY'), 'tier', 1 + i % 4,
       'researchInterests', jsonb_build_array('immunotherapy resistance', 'biomarker testing'),
       'publications', (SELECT jsonb_agg(jsonb_build_object('pmid', (30000000 + g)::text, 'title',
           'Outcomes of a cohort study number ' || g || ' ' || md5(i::text || g::text))) FROM generate_series(1, 12) g))
FROM generate_series(1, 100000) i;
CREATE TABLE bare_import (doc jsonb NOT NULL);
VACUUM ANALYZE;
