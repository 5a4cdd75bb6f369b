-- The projections live in a schema of their own, `metrics`, created by one function so that a rebuild can
-- create an identical `metrics_rebuild` schema, fill it from the topics and swap it in by renaming.
-- Projection SQL names its tables unqualified: the transaction's search_path picks live or shadow.

-- Ids of change notifications: they keep increasing across rebuilds (the stream's Last-Event-ID).
CREATE SEQUENCE metrics_change_seq;

CREATE FUNCTION create_metrics_tables(target text) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', target);

    -- Events applied (the platform consumer records each id; a redelivery changes nothing).
    EXECUTE format($ddl$CREATE TABLE %I.processed_event (
        event_id      uuid        PRIMARY KEY,
        type          text        NOT NULL,
        processed_at  timestamptz NOT NULL DEFAULT now())$ddl$, target);

    -- Per counted aggregate: the last applied version and what it contributed (cells and contacts).
    EXECUTE format($ddl$CREATE TABLE %I.contribution (
        kind          text   NOT NULL,
        aggregate_id  text   NOT NULL,
        version       bigint NOT NULL,
        kol_id        uuid,
        facts         jsonb  NOT NULL,
        PRIMARY KEY (kind, aggregate_id))$ddl$, target);
    EXECUTE format('CREATE INDEX ON %I.contribution (kol_id) WHERE kol_id IS NOT NULL', target);

    -- Daily roll-ups, one table per dimension; one row per day, key and counter.
    EXECUTE format($ddl$CREATE TABLE %I.rollup_msl (
        msl_id text NOT NULL, day date NOT NULL, metric text NOT NULL, value bigint NOT NULL,
        PRIMARY KEY (msl_id, day, metric))$ddl$, target);
    EXECUTE format($ddl$CREATE TABLE %I.rollup_team (
        team text NOT NULL, day date NOT NULL, metric text NOT NULL, value bigint NOT NULL,
        PRIMARY KEY (team, day, metric))$ddl$, target);
    EXECUTE format('CREATE INDEX ON %I.rollup_team (day)', target);
    EXECUTE format($ddl$CREATE TABLE %I.rollup_kol (
        kol_id uuid NOT NULL, day date NOT NULL, metric text NOT NULL, value bigint NOT NULL,
        PRIMARY KEY (kol_id, day, metric))$ddl$, target);
    EXECUTE format($ddl$CREATE TABLE %I.rollup_area (
        area text NOT NULL, team text NOT NULL, day date NOT NULL, metric text NOT NULL, value bigint NOT NULL,
        PRIMARY KEY (area, team, day, metric))$ddl$, target);

    -- Distinct counts: at most one row per KOL, MSL and day (met = completed interactions, content = shares).
    EXECUTE format($ddl$CREATE TABLE %I.contact (
        kol_id uuid NOT NULL, msl_id text NOT NULL, day date NOT NULL, team text NOT NULL,
        met int NOT NULL, content int NOT NULL,
        PRIMARY KEY (kol_id, msl_id, day))$ddl$, target);
    EXECUTE format('CREATE INDEX ON %I.contact (day, team)', target);
    EXECUTE format('CREATE INDEX ON %I.contact (msl_id, day)', target);

    -- The KOLs as kol-service publishes them: what coverage and health need.
    EXECUTE format($ddl$CREATE TABLE %I.kol (
        kol_id                 uuid    PRIMARY KEY,
        status                 text    NOT NULL,
        tier                   int,
        country                text,
        therapeutic_areas      text[]  NOT NULL,
        assigned_msls          text[]  NOT NULL,
        conflicts_of_interest  boolean NOT NULL,
        version                bigint  NOT NULL)$ddl$, target);
    EXECUTE format('CREATE INDEX ON %I.kol USING gin (assigned_msls)', target);

    -- Relationship health per KOL, kept current so the list reads one indexed table.
    EXECUTE format($ddl$CREATE TABLE %I.kol_health (
        kol_id          uuid PRIMARY KEY,
        score           int  NOT NULL,
        recency         int  NOT NULL,
        frequency       int  NOT NULL,
        feedback        int  NOT NULL,
        reciprocity     int  NOT NULL,
        responsiveness  int  NOT NULL,
        last_contact    date,
        recent_contacts int  NOT NULL,
        computed_on     date NOT NULL)$ddl$, target);
    EXECUTE format('CREATE INDEX ON %I.kol_health (score, kol_id)', target);
    EXECUTE format('CREATE INDEX ON %I.kol_health (computed_on)', target);

    -- How far this set of tables has read each partition (a rebuild catches up with the live one).
    EXECUTE format($ddl$CREATE TABLE %I.consumer_position (
        topic text NOT NULL, partition int NOT NULL, next_offset bigint NOT NULL,
        PRIMARY KEY (topic, partition))$ddl$, target);
END
$fn$;

SELECT create_metrics_tables('metrics');

-- The state of the last rebuild, shared by every instance.
CREATE TABLE rebuild (
    id            int         PRIMARY KEY CHECK (id = 1),
    state         text        NOT NULL,
    requested_by  text        NOT NULL,
    started_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    applied       bigint      NOT NULL,
    detail        text
);
