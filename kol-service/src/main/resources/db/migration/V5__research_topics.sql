-- Research topics: the controlled vocabulary of what KOLs work on (immunotherapy-resistance, car-t-persistence...).
-- Profiles choose codes from it, and only these codes reach the events: the typed research interests of a
-- profile are free text and stay in kol-service (events are kept forever, erasure cannot reach them).
CREATE TABLE research_topic (
    code        text        PRIMARY KEY,
    name        text        NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);
