-- What border posts upload after working offline (docs/edge.md "Uploads").
--
-- A scan uploaded by a post keeps, beside the service's own signed verdict (document), the verdict
-- the post gave and signed at the time, as the post sent it: what the officer saw, for an audit of
-- the post. Bounded like a request's share of the upload body.
ALTER TABLE scan
    ADD COLUMN edge_document text CHECK (edge_document IS NULL OR length(edge_document) <= 65536);

-- Evidence that this log misbehaved, as a post saw it: two checkpoint notes that cannot both be
-- true (a fork: no consistency between them; a rollback: the offered one is smaller than the one
-- adopted), and the proof that failed. verified says whether both notes carry this log's
-- signature: only then is it evidence against this log; findings says what the service checked.
-- One row per distinct report; a post repeating it (a lost answer) finds the first.
CREATE TABLE edge_evidence (
    id           bigserial   PRIMARY KEY,
    post_id      text        NOT NULL CHECK (length(post_id) BETWEEN 1 AND 64),
    reporter     text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('fork', 'rollback')),
    adopted      text        NOT NULL CHECK (length(adopted) <= 16384),
    offered      text        NOT NULL CHECK (length(offered) <= 16384),
    proof        text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(proof) <= 128),
    detected_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    verified     boolean     NOT NULL,
    findings     text[]      NOT NULL,
    -- SHA-256 of post, kind and both notes: the same report twice is one row.
    fingerprint  bytea       NOT NULL UNIQUE CHECK (octet_length(fingerprint) = 32)
);

CREATE INDEX edge_evidence_received ON edge_evidence (received_at, id);
