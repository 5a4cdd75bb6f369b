-- Reference data owned by kol-service and replicated by the others from rapport.reference.v1.
CREATE TABLE therapeutic_area (
    code        text        PRIMARY KEY,
    name        text        NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE product (
    code               text        PRIMARY KEY,
    name               text        NOT NULL,
    therapeutic_area   text        NOT NULL REFERENCES therapeutic_area (code),
    markets            jsonb       NOT NULL,
    version            bigint      NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- The MSL directory: who is an MSL, in which team, managed by whom, where and in which time zone.
CREATE TABLE msl (
    user_id              text        PRIMARY KEY,
    display_name         text        NOT NULL,
    team                 text        NOT NULL,
    manager              text,
    territory_countries  jsonb       NOT NULL,
    therapeutic_areas    jsonb       NOT NULL,
    time_zone            text        NOT NULL,
    version              bigint      NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX msl_team ON msl (team);
CREATE INDEX msl_manager ON msl (manager);
