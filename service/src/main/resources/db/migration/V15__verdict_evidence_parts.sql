-- A verdict's evidence stored in parts, each once.
--
-- Since V10 a scan row names its verdict's whole evidence member (the checkpoint, the entries relied
-- on, their inclusion proofs), stored once for every scan carrying the same. On a ledger of many
-- batches that sharing rarely happens: the evidence of a scan of a batch not scanned since the last
-- checkpoint is new, and on a ledger of 10^6 batches 756,574 of 1,008,335 benchmark scans wrote
-- a new 6.3 kB row, three quarters of what recording a scan stored (docs/benchmarks.md). Yet most
-- of it is shared: the checkpoint, and the product's and the mark's entries with their proofs, are
-- the same for every batch of the product against one checkpoint; only the batch's entry is new.
--
-- A scan row written from now on names the parts of its evidence instead (StoredEvidence): the
-- SHA-256 of each, one after another, in evidence_parts. Part 0 is the canonical JSON of the
-- checkpoint note, part i >= 1 that of the i-th entry relied on; each part is a row of
-- verdict_evidence, named by its hash as whole evidence is (same table, same rules: never changed,
-- never removed). Reading a scan puts the member back together, byte for byte. Rows written before
-- keep their evidence_id and are read as before.
--
-- The checks are added NOT VALID: PostgreSQL would otherwise read the whole scan table to check
-- them (131 ms for 300,000 rows in a test; minutes for a year of scans), holding the table's
-- exclusive lock, so that no scan could be recorded meanwhile. Every row existing now has no
-- evidence_parts, which both checks accept; every row written or changed from now on is checked.
ALTER TABLE scan ADD COLUMN evidence_parts bytea;
ALTER TABLE scan ADD CONSTRAINT scan_evidence_parts_are_names
    CHECK (octet_length(evidence_parts) BETWEEN 32 AND 32768 AND octet_length(evidence_parts) % 32 = 0)
    NOT VALID;
ALTER TABLE scan ADD CONSTRAINT scan_evidence_stored_one_way
    CHECK (evidence_id IS NULL OR evidence_parts IS NULL) NOT VALID;

-- A part (~2 kB: an entry and its proof) stays in the heap, as V11 keeps scan rows: moved out of
-- line it would cost a TOAST row and index entry more.
ALTER TABLE verdict_evidence SET (toast_tuple_target = 8160);

-- Every part a scan names is stored: checked once per statement over the statement's rows (a
-- foreign key cannot reach into a byte string, and would lock each part row for every scan). Parts
-- are never removed (V10's triggers), so a part found now stays.
CREATE FUNCTION scan_evidence_parts_missing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing record;
BEGIN
    SELECT w.scan_id, encode(substring(w.evidence_parts FROM 1 + 32 * i FOR 32), 'hex') AS part
      INTO missing
      FROM written w, generate_series(0, octet_length(w.evidence_parts) / 32 - 1) AS i
     WHERE w.evidence_parts IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM verdict_evidence e
                        WHERE e.id = substring(w.evidence_parts FROM 1 + 32 * i FOR 32))
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'scan_evidence_parts_stored: scan % names evidence part % that verdict_evidence does not hold',
            missing.scan_id, missing.part
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'scan_evidence_parts_stored';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER scan_evidence_parts_stored_on_insert AFTER INSERT ON scan
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION scan_evidence_parts_missing();
CREATE TRIGGER scan_evidence_parts_stored_on_update AFTER UPDATE ON scan
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION scan_evidence_parts_missing();
