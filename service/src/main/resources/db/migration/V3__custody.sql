-- Custodial signing keys: the Ed25519 keys the service generates and holds for participants who
-- do not hold their own (org.markproof.service.custody). One key per participant.
--
-- The seed is sealed with AES-256-GCM (NIST SP 800-38D) under a master key from configuration
-- (markproof.custody.master-key-file, a Kubernetes Secret in production), with a random 96-bit
-- nonce and as additional authenticated data the participant, the key id and the master key id:
-- a row copied to another participant or relabelled does not open. The master key never enters
-- the database; master_key_id names it (a truncated domain-separated SHA-256 of it) so that a
-- rotation finds rows still sealed under a previous key.
CREATE TABLE custodial_key (
    participant   text        PRIMARY KEY CHECK (length(participant) BETWEEN 1 AND 128),
    -- KeyId (contracts): the RFC 7638 SHA-256 thumbprint of the public key, base64url.
    key_id        text        NOT NULL UNIQUE CHECK (key_id ~ '^[A-Za-z0-9_-]{43}$'),
    public_key    bytea       NOT NULL UNIQUE CHECK (octet_length(public_key) = 32),
    master_key_id text        NOT NULL CHECK (master_key_id ~ '^[0-9a-f]{16}$'),
    nonce         bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    -- 32-byte seed + 16-byte GCM tag.
    sealed_seed   bytea       NOT NULL CHECK (octet_length(sealed_seed) = 48),
    created_at    timestamptz NOT NULL DEFAULT now(),
    resealed_at   timestamptz
);

-- A rotation pages through the rows not yet under the current master key.
CREATE INDEX custodial_key_by_master_key ON custodial_key (master_key_id, participant);
