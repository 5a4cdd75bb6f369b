-- Insights heard from KOLs, curated so they reach medical strategy.
CREATE TABLE insight (
    id                       uuid        PRIMARY KEY,
    author                   text        NOT NULL,
    team                     text        NOT NULL,    -- the author's team when it was recorded
    kol_id                   uuid,                    -- optional: some insights are anonymous
    interaction_id           uuid,
    therapeutic_area         text        NOT NULL,
    product                  text,
    category                 text        NOT NULL,
    title                    text        NOT NULL,
    text                     text        NOT NULL,
    evidence                 jsonb       NOT NULL,
    tags                     jsonb       NOT NULL,
    sentiment                text,
    adverse_event_mentioned  boolean     NOT NULL,
    safety_report_due        date,
    safety_report_id         text,
    safety_reported_at       timestamptz,
    status                   text        NOT NULL,
    endorsements             int         NOT NULL,
    rejection_reason         text,
    action_taken             text,
    curated_by               text,
    time_zone                text        NOT NULL,
    submitted_at             timestamptz,
    validated_at             timestamptz,
    actioned_at              timestamptz,
    rejected_at              timestamptz,
    version                  bigint      NOT NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    search                   tsvector GENERATED ALWAYS AS (
                                 setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                                 setweight(to_tsvector('english', coalesce(text, '')), 'B')) STORED
);
CREATE INDEX insight_search ON insight USING gin (search);
CREATE INDEX insight_tags ON insight USING gin (tags jsonb_path_ops);
CREATE INDEX insight_created ON insight (created_at, id);
CREATE INDEX insight_submitted ON insight (submitted_at) WHERE status IN ('SUBMITTED', 'VALIDATED', 'ACTIONED');
CREATE INDEX insight_team ON insight (team, created_at, id);
CREATE INDEX insight_kol ON insight (kol_id);

-- Another MSL who heard the same thing endorses it, once.
CREATE TABLE insight_endorsement (
    insight_id   uuid        NOT NULL REFERENCES insight (id),
    msl_id       text        NOT NULL,
    endorsed_at  timestamptz NOT NULL,
    PRIMARY KEY (insight_id, msl_id)
);

-- Approved scientific content (medical/legal/regulatory reviewed) that MSLs may share.
CREATE TABLE resource (
    id                 uuid        PRIMARY KEY,
    type               text        NOT NULL,
    title              text        NOT NULL,
    citation           jsonb,
    therapeutic_areas  jsonb       NOT NULL,
    products           jsonb       NOT NULL,
    tags               jsonb       NOT NULL,
    usage              text        NOT NULL,
    markets            jsonb       NOT NULL,
    status             text        NOT NULL,
    mlr_approval_id    text,
    approved_at        timestamptz,
    expires_at         timestamptz,
    withdrawn_reason   text,
    version            bigint      NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX resource_status ON resource (status, created_at, id);

-- What was shared with whom.
CREATE TABLE share (
    id                  uuid        PRIMARY KEY,
    resource_id         uuid        NOT NULL REFERENCES resource (id),
    kol_id              uuid,
    msl_id              text        NOT NULL,
    team                text        NOT NULL,
    interaction_id      uuid,
    medical_request_id  uuid,
    channel             text        NOT NULL,
    time_zone           text        NOT NULL,
    shared_at           timestamptz NOT NULL
);
CREATE INDEX share_kol ON share (kol_id, shared_at, id);
CREATE INDEX share_resource ON share (kol_id, resource_id);
