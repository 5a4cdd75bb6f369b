-- GDPR Art. 17 made provable (Art. 5(2) accountability): each erasure, and which of the services holding the
-- KOL's data have confirmed it, when and with what counts. No personal data: ids, an admin's user id, times,
-- counts, and the admin's reason from which the KOL's own values were removed before it was stored.
CREATE TABLE kol_erasure (
    kol_id        uuid        PRIMARY KEY REFERENCES kol (id),
    requested_at  timestamptz NOT NULL,
    requested_by  text        NOT NULL,
    reason        text,
    times_sent    int         NOT NULL,          -- the kol.erased event, first sent and sent again
    last_sent_at  timestamptz NOT NULL
);
CREATE INDEX kol_erasure_last_sent ON kol_erasure (last_sent_at);

-- KOLs erased before this table existed: their confirmations are unknown, so they count as unconfirmed and
-- the erasure is sent again once (every service erases idempotently and confirms).
INSERT INTO kol_erasure (kol_id, requested_at, requested_by, reason, times_sent, last_sent_at)
SELECT id, updated_at, updated_by, NULL, 1, updated_at FROM kol WHERE status = 'ERASED';

-- One row per KOL and confirming service: the first confirmation keeps its time and counts (a confirmation of
-- an event sent again finds nothing left to erase), later ones are counted.
CREATE TABLE kol_erasure_confirmation (
    kol_id             uuid        NOT NULL,
    service            text        NOT NULL,
    confirmed_at       timestamptz NOT NULL,
    records_erased     int         NOT NULL,
    records_held       int         NOT NULL,
    confirmations      int         NOT NULL DEFAULT 1,
    last_confirmed_at  timestamptz NOT NULL,
    PRIMARY KEY (kol_id, service)
);
