-- KOL profiles. The editable profile is one JSON document; the columns beside it are what is filtered,
-- searched, locked and versioned.
CREATE TABLE kol (
    id             uuid        PRIMARY KEY,
    status         text        NOT NULL,
    version        bigint      NOT NULL,
    tier           int,
    country        text,
    profile        jsonb       NOT NULL,
    assigned_msls  jsonb       NOT NULL DEFAULT '[]',
    search_names   text,
    search_terms   text,
    search         tsvector GENERATED ALWAYS AS (
                       setweight(to_tsvector('simple', coalesce(search_names, '')), 'A') ||
                       setweight(to_tsvector('english', coalesce(search_terms, '')), 'B')) STORED,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL
);
CREATE INDEX kol_search ON kol USING gin (search);
CREATE INDEX kol_profile ON kol USING gin (profile jsonb_path_ops);
CREATE INDEX kol_assigned ON kol USING gin (assigned_msls jsonb_path_ops);
CREATE INDEX kol_created ON kol (created_at, id);

-- NPI, ORCID and every external CRM id belong to one KOL at most: the unique key is the rule.
CREATE TABLE kol_identifier (
    kind    text NOT NULL,      -- NPI, ORCID, or EXTERNAL:<system>
    value   text NOT NULL,
    kol_id  uuid NOT NULL REFERENCES kol (id),
    PRIMARY KEY (kind, value)
);
CREATE INDEX kol_identifier_kol ON kol_identifier (kol_id);

-- Identifiers of erased KOLs, as keyed hashes only: an upsert of an erased KOL is refused, not re-created.
CREATE TABLE erased_identifier (
    digest     text        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
