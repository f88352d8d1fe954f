-- Custodial label keys: the Ed25519 keys that sign the labels of a batch whose issuer lets the
-- service hold the key (org.markproof.service.custody.LabelKeyVault). A batch.issued statement
-- submitted to POST /v1/batches without a labelKey gets one generated here, and its public key
-- goes into the statement.
--
-- One key per (gtin, batch, issuer). The issuer is part of the key so that a row left by a refused
-- or abandoned submission is only ever reused by the same issuer retrying the same batch: another
-- issuer of the same gtin and batch gets a key of its own, and labels are signed only with the key
-- whose public half the ledger's batch.issued names, for the issuer the ledger names.
--
-- The seed is sealed as in custodial_key (V3__custody.sql): AES-256-GCM under the custody master
-- key, a random 96-bit nonce, and as additional authenticated data the issuer, gtin, batch, key id
-- and master key id under a domain of its own ("markproof/custody/label-seed/v1"), so that a row
-- moved to another batch or issuer, or into custodial_key, does not open.
CREATE TABLE custodial_label_key (
    gtin          text        NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
    -- GS1 AI (10): 1 to 20 characters of CSET 82.
    batch         text        NOT NULL CHECK (length(batch) BETWEEN 1 AND 20),
    issuer        text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 128),
    key_id        text        NOT NULL UNIQUE CHECK (key_id ~ '^[A-Za-z0-9_-]{43}$'),
    public_key    bytea       NOT NULL UNIQUE CHECK (octet_length(public_key) = 32),
    master_key_id text        NOT NULL CHECK (master_key_id ~ '^[0-9a-f]{16}$'),
    nonce         bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    sealed_seed   bytea       NOT NULL CHECK (octet_length(sealed_seed) = 48),
    created_at    timestamptz NOT NULL DEFAULT now(),
    resealed_at   timestamptz,
    PRIMARY KEY (gtin, batch, issuer)
);

-- A rotation pages through the rows not yet under the current master key.
CREATE INDEX custodial_label_key_by_master_key
    ON custodial_label_key (master_key_id, gtin, batch, issuer);
