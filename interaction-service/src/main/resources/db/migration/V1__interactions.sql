-- Interactions between an MSL and a KOL: planned, then completed, cancelled or no-show.
CREATE TABLE interaction (
    id                           uuid        PRIMARY KEY,
    kol_id                       uuid        NOT NULL,
    msl_id                       text        NOT NULL,
    team                         text        NOT NULL,    -- the MSL's team when it was recorded
    recorded_by                  text        NOT NULL,
    group_id                     uuid,
    channel                      text        NOT NULL,
    kind                         text        NOT NULL,
    objective                    text        NOT NULL,
    topics                       jsonb       NOT NULL,
    therapeutic_area             text,
    products                     jsonb       NOT NULL,
    time_zone                    text        NOT NULL,
    planned_start                timestamptz,
    occurred_at                  timestamptz,
    duration_minutes             int,
    status                       text        NOT NULL,
    disclosure_made              boolean,
    outcome                      text,
    feedback_score               int,
    adverse_event_mentioned      boolean,
    product_complaint_mentioned  boolean,
    safety_report_id             text,
    transfers_of_value           jsonb       NOT NULL,
    external_ids                 jsonb       NOT NULL,
    cap_quarter                  text        NOT NULL,    -- the KOL's calendar quarter it counts in, e.g. 2026-Q4
    cap_override_reason          text,
    cap_overridden               boolean     NOT NULL,
    off_preference_channel       boolean     NOT NULL,
    over_preferred_duration      boolean     NOT NULL,
    cancel_reason                text,
    completed_at                 timestamptz,
    version                      bigint      NOT NULL,
    created_at                   timestamptz NOT NULL,
    updated_at                   timestamptz NOT NULL
);
-- the frequency cap counts planned and completed interactions of a KOL in a quarter
CREATE INDEX interaction_cap ON interaction (kol_id, cap_quarter) WHERE status IN ('PLANNED', 'COMPLETED');
CREATE INDEX interaction_created ON interaction (created_at, id);
CREATE INDEX interaction_msl ON interaction (msl_id, created_at, id);
CREATE INDEX interaction_team ON interaction (team, created_at, id);
CREATE INDEX interaction_kol ON interaction (kol_id, created_at, id);
CREATE INDEX interaction_group ON interaction (group_id) WHERE group_id IS NOT NULL;

-- a CRM id names one interaction at most
CREATE TABLE interaction_external_id (
    system          text NOT NULL,
    external_id     text NOT NULL,
    interaction_id  uuid NOT NULL REFERENCES interaction (id),
    PRIMARY KEY (system, external_id)
);

-- Promised actions, e.g. answering a question or forwarding an adverse event to Drug Safety.
CREATE TABLE follow_up (
    id                  uuid        PRIMARY KEY,
    interaction_id      uuid        REFERENCES interaction (id),
    medical_request_id  uuid,
    kol_id              uuid        NOT NULL,
    assignee            text        NOT NULL,
    team                text        NOT NULL,
    kind                text        NOT NULL,
    description         text        NOT NULL,
    due_date            date        NOT NULL,
    time_zone           text        NOT NULL,
    status              text        NOT NULL,
    completed_at        timestamptz,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX follow_up_assignee ON follow_up (assignee, status, due_date, id);
CREATE INDEX follow_up_kol ON follow_up (kol_id, created_at, id);
CREATE INDEX follow_up_team ON follow_up (team, status, due_date, id);

-- Medical information requests: a KOL's question the company must answer, within an SLA.
CREATE TABLE medical_request (
    id                        uuid        PRIMARY KEY,
    kol_id                    uuid        NOT NULL,
    interaction_id            uuid,
    msl_id                    text        NOT NULL,
    team                      text        NOT NULL,
    question                  text        NOT NULL,
    initiated_by              text        NOT NULL,
    therapeutic_area          text,
    products                  jsonb       NOT NULL,
    off_label                 boolean     NOT NULL,
    unsolicited               boolean     NOT NULL,
    unsolicited_attested_at   timestamptz,
    priority                  text        NOT NULL,
    response_channel          text        NOT NULL,
    adverse_event_mentioned   boolean     NOT NULL,
    time_zone                 text        NOT NULL,
    received_at               timestamptz NOT NULL,
    due_at                    timestamptz NOT NULL,
    status                    text        NOT NULL,
    answer                    text,
    answer_resource_id        uuid,
    closed_at                 timestamptz,
    review_decision           text,
    review_note               text,
    reviewed_by               text,
    version                   bigint      NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);
CREATE INDEX medical_request_due ON medical_request (status, due_at, id);
CREATE INDEX medical_request_kol ON medical_request (kol_id, received_at, id);
CREATE INDEX medical_request_msl ON medical_request (msl_id, due_at, id);

-- Secret calendar feed URLs (Outlook and Google fetch them without a bearer token): only a hash is kept.
CREATE TABLE calendar_feed (
    msl_id      text        PRIMARY KEY,
    token_hash  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);
