-- Tables every service gets from the platform, in its own database.

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
CREATE TABLE outbox (
    id            bigserial PRIMARY KEY,            -- publication order
    event_id      uuid        NOT NULL UNIQUE,      -- the CloudEvents id; never changes on redelivery
    topic         text        NOT NULL,
    aggregate_id  text        NOT NULL,             -- record key and CloudEvents subject
    type          text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    payload       jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay of every instance when a transaction that wrote outbox rows commits (never on rollback).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('rapport_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotent consumers: an event id is recorded in the transaction that applies it.
CREATE TABLE processed_event (
    event_id      uuid        PRIMARY KEY,
    type          text        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now()
);

-- Idempotency-Key on POST: the first response, replayed to retries of the same request.
CREATE TABLE idempotency_key (
    subject       text        NOT NULL,
    method        text        NOT NULL,
    path          text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status        int         NOT NULL,
    location      text,
    etag          text,
    body          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, method, path, key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

-- Audit trail: who changed what, when, on whose behalf and why; written with the change.
CREATE TABLE audit_entry (
    id                 uuid        PRIMARY KEY,
    aggregate_type     text        NOT NULL,
    aggregate_id       text        NOT NULL,
    aggregate_version  bigint      NOT NULL,
    action             text        NOT NULL,
    actor              text        NOT NULL,
    on_behalf_of       text,
    at                 timestamptz NOT NULL,
    changes            jsonb       NOT NULL,
    reason             text
);
CREATE INDEX audit_entry_aggregate ON audit_entry (aggregate_type, aggregate_id, at, id);
