-- Local, version-guarded copies of other services' aggregates (a KOL, an MSL of the directory, a code),
-- kept as the JSON data of their latest event: a consumer reads the fields it needs.
CREATE TABLE replica (
    kind        text        NOT NULL,
    id          text        NOT NULL,
    version     bigint      NOT NULL,
    data        jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);
CREATE INDEX replica_data ON replica USING gin (data jsonb_path_ops);
