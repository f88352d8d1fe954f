-- The Merkle log (RFC 9162 §2.1) and the submissions that feed it.
--
-- The database itself keeps the log's invariants, so that no bug in the sequencer (or a second
-- sequencer that lost its lock) can break them:
--   * log_entry indices run 0, 1, 2 … without gaps or duplicates, and rows never change.
--   * log_head (one row) is the durable tree size and root. At commit it must equal the number of
--     entries; it never shrinks; at one size there is one root; each update increments version
--     (the sequencer's compare-and-swap: UPDATE … WHERE version = <the version it read>).
--   * tree_node holds hashes of complete subtrees inside the head only, and they never change.
--   * a checkpoint is never over more than the durable head; its root never changes.
--
-- How the sequencer appends one batch, in ONE transaction:
--   1. UPDATE log_head SET size = n + k, root = r', version = v + 1 WHERE version = v
--      (0 rows: another sequencer moved the head; roll back and step down);
--   2. INSERT the k entries with indices n … n+k-1, in index order;
--   3. INSERT the tree_node hashes completed by them;
--   4. COMMIT: the deferred checks below compare the head with the entries and nodes.
-- Steps 1-3 may come in any order; the checks run at commit. A checkpoint is signed only after
-- the commit, over sizes the head already holds.

-- Every leaf of the log: LogEntry.encoded() (contracts), its RFC 9162 leaf hash and, for queries,
-- the entry's kind and submitter.
CREATE TABLE log_entry (
    index        bigint      PRIMARY KEY CHECK (index >= 0),
    leaf         bytea       NOT NULL CHECK (octet_length(leaf) BETWEEN 1 AND 131072),
    leaf_hash    bytea       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    sequenced_at timestamptz NOT NULL,
    kind         text        NOT NULL,
    submitter    text        NOT NULL,
    -- RFC 9162 §2.1.1: the leaf hash is SHA-256(0x00 || leaf); a mismatch can never be stored.
    CONSTRAINT log_entry_leaf_hash_matches CHECK (leaf_hash = sha256('\x00'::bytea || leaf))
);

-- Inclusion proofs by leaf hash look entries up by it.
CREATE INDEX log_entry_by_leaf_hash ON log_entry (leaf_hash);

-- The durable tree: its size and root, and the version the sequencer compares and swaps.
CREATE TABLE log_head (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    size       bigint      NOT NULL CHECK (size >= 0),
    root       bytea       NOT NULL CHECK (octet_length(root) = 32),
    version    bigint      NOT NULL CHECK (version >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The empty tree: RFC 9162 §2.1.1, MTH({}) = SHA-256() of no bytes.
INSERT INTO log_head (size, root, version) VALUES (0, sha256(''::bytea), 0);

-- Hashes of perfect subtrees: the node at (level, index) covers leaves
-- [index * 2^level, (index + 1) * 2^level). C2SP tlog-tiles serves tiles from these (tile level L
-- holds tree level 8L); proofs are assembled from them. Level 0 may be left out: leaf hashes are in
-- log_entry.
CREATE TABLE tree_node (
    level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    index bigint   NOT NULL CHECK (index >= 0),
    hash  bytea    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, index)
);

-- Signed checkpoints (C2SP tlog-checkpoint as a C2SP signed-note), one per tree size. Re-signing
-- the same size (while idle) may replace the note; the root stays.
CREATE TABLE checkpoint (
    size      bigint      PRIMARY KEY CHECK (size >= 0),
    root      bytea       NOT NULL CHECK (octet_length(root) = 32),
    note      text        NOT NULL,
    signed_at timestamptz NOT NULL
);

-- Submissions: accepted (pending), then sequenced into the log or rejected. Retries find the first
-- submission by its Idempotency-Key (scoped to the submitter) or by its natural key (office +
-- registration number, GTIN + batch …) and never add a second leaf.
CREATE TABLE submission (
    id              uuid        PRIMARY KEY,
    idempotency_key text,
    natural_key     text        UNIQUE,
    kind            text        NOT NULL,
    submitter       text        NOT NULL,
    -- SignedEntry.encoded() (contracts): what the sequencer stamps and appends.
    entry           bytea       NOT NULL CHECK (octet_length(entry) BETWEEN 1 AND 131072),
    leaf_hash       bytea       CHECK (octet_length(leaf_hash) = 32),
    status          text        NOT NULL CHECK (status IN ('pending', 'sequenced', 'rejected')),
    log_index       bigint      UNIQUE REFERENCES log_entry (index),
    created_at      timestamptz NOT NULL DEFAULT now(),
    result          jsonb,
    CONSTRAINT submission_idempotency_key_per_submitter UNIQUE (submitter, idempotency_key),
    CONSTRAINT submission_sequenced_has_index CHECK ((status = 'sequenced') = (log_index IS NOT NULL))
);

-- The sequencer's queue.
CREATE INDEX submission_pending ON submission (created_at) WHERE status = 'pending';

-- ---------------------------------------------------------------------------------------------
-- Invariants. Violations raise SQLSTATE 23514 (check_violation) with a message naming the rule.

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON log_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tree_node_append_only BEFORE UPDATE OR DELETE ON tree_node
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER tree_node_no_truncate BEFORE TRUNCATE ON tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER checkpoint_no_delete BEFORE DELETE ON checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER log_head_no_delete BEFORE DELETE ON log_head
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER log_head_no_truncate BEFORE TRUNCATE ON log_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Contiguity: a new entry's index is exactly one past the largest stored (this statement's earlier
-- rows included: a row-level BEFORE trigger sees them). A concurrent insert of the same index
-- waits on the primary key and fails once the first commits.
CREATE FUNCTION log_entry_is_next() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_index bigint;
BEGIN
    SELECT coalesce(max(index) + 1, 0) INTO next_index FROM log_entry;
    IF NEW.index <> next_index THEN
        RAISE EXCEPTION 'log_entry index % refused: the next index is % (indices are contiguous)',
            NEW.index, next_index
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER log_entry_contiguous BEFORE INSERT ON log_entry
    FOR EACH ROW EXECUTE FUNCTION log_entry_is_next();

-- The head moves forward only, keeps one root per size, and counts its versions.
CREATE FUNCTION log_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.size < OLD.size THEN
        RAISE EXCEPTION 'log_head size % refused: the log never shrinks below %', NEW.size, OLD.size
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.size = OLD.size AND NEW.root <> OLD.root THEN
        RAISE EXCEPTION 'log_head root refused: size % already has another root (a fork)', NEW.size
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'log_head version % refused: expected %', NEW.version, OLD.version + 1
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER log_head_forward BEFORE UPDATE ON log_head
    FOR EACH ROW EXECUTE FUNCTION log_head_moves_forward();

-- At commit: the head counts exactly the stored entries (entries are contiguous, so their count
-- is the largest index + 1, an index lookup, not a scan).
CREATE FUNCTION log_head_matches_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_size bigint;
    entries   bigint;
BEGIN
    SELECT size INTO head_size FROM log_head;
    SELECT coalesce(max(index) + 1, 0) INTO entries FROM log_entry;
    IF head_size <> entries THEN
        RAISE EXCEPTION 'log_head size % does not match the % stored entries', head_size, entries
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER log_head_counts_entries AFTER UPDATE ON log_head
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION log_head_matches_entries();

-- At commit: a new entry is inside the head (an entry appended without moving the head fails).
CREATE FUNCTION log_entry_within_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_size bigint;
BEGIN
    SELECT size INTO head_size FROM log_head;
    IF NEW.index >= head_size THEN
        RAISE EXCEPTION 'log_entry % refused: the head covers only % entries', NEW.index, head_size
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER log_entry_counted_by_head AFTER INSERT ON log_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION log_entry_within_head();

-- At commit: a stored subtree hash is complete within the head.
CREATE FUNCTION tree_node_within_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_size bigint;
BEGIN
    SELECT size INTO head_size FROM log_head;
    IF NEW.index >= (head_size >> NEW.level) THEN
        RAISE EXCEPTION 'tree_node (%, %) refused: not a complete subtree of the % entries',
            NEW.level, NEW.index, head_size
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER tree_node_complete AFTER INSERT ON tree_node
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION tree_node_within_head();

-- A checkpoint covers durable entries only; at the head's size it carries the head's root; once
-- stored its size and root never change.
CREATE FUNCTION checkpoint_is_durable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head log_head%ROWTYPE;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.size <> OLD.size OR NEW.root <> OLD.root) THEN
        RAISE EXCEPTION 'checkpoint % refused: a signed size and root never change', OLD.size
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO head FROM log_head;
    IF NEW.size > head.size THEN
        RAISE EXCEPTION 'checkpoint % refused: only % entries are durable', NEW.size, head.size
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.size = head.size AND NEW.root <> head.root THEN
        RAISE EXCEPTION 'checkpoint % refused: its root is not the head''s root', NEW.size
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER checkpoint_durable BEFORE INSERT OR UPDATE ON checkpoint
    FOR EACH ROW EXECUTE FUNCTION checkpoint_is_durable();
