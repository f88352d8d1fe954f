-- A verdict's evidence, stored once for every scan that carries it.
--
-- The evidence member of a verdict document (the signed checkpoint, the entries relied on and their
-- inclusion proofs) is the same for every scan of one batch against one checkpoint, and is most of
-- the document: ~4.7 kB of a 6 kB genuine verdict. Writing it with every scan was most of what
-- recording a scan cost PostgreSQL (docs/benchmarks.md). A scan written from now on keeps its
-- document without that member and names the evidence by the SHA-256 of its canonical text;
-- reading it back puts the member in again and gives the signed text byte for byte
-- (VerdictParts). Rows written before keep their whole document and no evidence_id.
CREATE TABLE verdict_evidence (
    id        bytea PRIMARY KEY CHECK (octet_length(id) = 32),
    evidence  text  NOT NULL CHECK (length(evidence) <= 1048576),
    -- The name is the content's hash: a row cannot stand for other evidence than its name says.
    CONSTRAINT verdict_evidence_named_by_hash CHECK (id = sha256(convert_to(evidence, 'UTF8')))
);
ALTER TABLE verdict_evidence ALTER COLUMN evidence SET STORAGE EXTERNAL;

-- Evidence backs signed verdicts that may be needed years later: never changed, never removed.
CREATE TRIGGER verdict_evidence_append_only BEFORE UPDATE OR DELETE ON verdict_evidence
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER verdict_evidence_no_truncate BEFORE TRUNCATE ON verdict_evidence
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

ALTER TABLE scan ADD COLUMN evidence_id bytea REFERENCES verdict_evidence (id);
