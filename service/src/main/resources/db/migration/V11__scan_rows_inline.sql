-- Scan rows keep their documents inline up to a page.
--
-- Since V10 a stored document is the verdict without its evidence: ~1.3 kB, up to ~2.6 kB for a
-- clone verdict listing its sightings. PostgreSQL moves values out of line once a row passes
-- toast_tuple_target (2 kB by default), so every clone verdict paid for a second heap insert and
-- a TOAST index insert, with their WAL. Rows up to a page's worth now stay in the heap; larger ones
-- (an upload's edge document, a long code) are still moved out.
ALTER TABLE scan SET (toast_tuple_target = 8160);
