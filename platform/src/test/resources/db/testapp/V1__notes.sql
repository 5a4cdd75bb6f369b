CREATE TABLE note (
    id          uuid PRIMARY KEY,
    title       text   NOT NULL CONSTRAINT note_title_key UNIQUE,
    body        text,
    owner       text   NOT NULL,
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX note_created ON note (created_at, id);

-- a projection built from note events, to prove idempotent consumption
CREATE TABLE note_tally (
    note_id  uuid PRIMARY KEY,
    events   int  NOT NULL
);
