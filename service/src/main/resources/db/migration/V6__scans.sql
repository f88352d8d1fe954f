-- Every scan a customs officer makes (or a border post uploads later) and the signed verdict it
-- got. Scans are the service's only writes on the verdict path: recorded in batches after the
-- answer, so a row may lag its answer by one flush. The client chooses scan_id (a UUID); a retry
-- with the same id is the same scan, and ON CONFLICT keeps the first.
CREATE TABLE scan (
    scan_id      text        PRIMARY KEY CHECK (length(scan_id) BETWEEN 1 AND 64),
    submitter    text        NOT NULL,
    post_id      text        NOT NULL,
    lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    scanned_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    offline      boolean     NOT NULL DEFAULT false,
    code         text        NOT NULL CHECK (length(code) <= 24576),
    gtin         text,
    batch        text,
    serial       text,
    verdict      text        NOT NULL,
    -- The participants the verdict concerns (the mark's holder, the batch's issuer, a licensee):
    -- whose alerts it raises.
    concerns     text[]      NOT NULL DEFAULT '{}',
    -- Fingerprint of what the client sent, to tell a retry from a different scan reusing the id.
    fingerprint  bytea       NOT NULL,
    document     text        NOT NULL
);

CREATE INDEX scan_post_time ON scan (post_id, scanned_at);
CREATE INDEX scan_serial ON scan (gtin, batch, serial, scanned_at) WHERE serial IS NOT NULL;
CREATE INDEX scan_concerns ON scan USING gin (concerns);
CREATE INDEX scan_received ON scan (received_at);
