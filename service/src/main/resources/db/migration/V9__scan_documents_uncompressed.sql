-- Verdict documents are stored out of line without compression.
--
-- A verdict document is ~6 kB of JSON that is mostly base64 (signatures, hashes, proofs) and
-- compresses poorly, yet PostgreSQL's default pglz tried to compress every one: in the scan
-- benchmark that was about half of the cost of recording a scan (docs/benchmarks.md). lz4 would be
-- cheaper but is not built into every server markproof runs on (the embedded one lacks it).
-- Applies to rows written from now on; existing rows keep their form.
ALTER TABLE scan ALTER COLUMN document SET STORAGE EXTERNAL;
ALTER TABLE scan ALTER COLUMN edge_document SET STORAGE EXTERNAL;
