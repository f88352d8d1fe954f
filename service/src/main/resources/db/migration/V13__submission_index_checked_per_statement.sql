-- A sequenced submission names a stored log entry: until now a foreign key, checked row by row.
-- For every row the sequencer marks sequenced, the key's check looked the entry up and locked it
-- (FOR KEY SHARE), which writes the entry's row again and logs the lock: about a quarter of the
-- time of the sequencer's UPDATE of a batch's submissions (7-8 µs a row of 21-30 in a psql test on
-- 200,000 rows). The log's own invariants already give a cheaper test: entries are exactly the
-- indices 0 … size-1 of the head at every commit (V12) and never deleted (V1), and the head never
-- shrinks: an index below the head's size names a stored entry. One check per statement, as V12
-- does for the log itself; same SQLSTATE (23503) as the key it replaces.

ALTER TABLE submission DROP CONSTRAINT submission_log_index_fkey;

CREATE FUNCTION submission_log_index_refused(last_index bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    head_size bigint;
BEGIN
    SELECT size INTO head_size FROM log_head;
    IF last_index >= head_size THEN
        RAISE EXCEPTION 'submission log_index % refused: the log holds % entries (sequence the entry first)',
            last_index, head_size
            USING ERRCODE = 'foreign_key_violation';
    END IF;
END
$$;

-- The sequencer's UPDATE of a whole batch: the largest index it names, once.
CREATE FUNCTION submissions_sequenced_in_log() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_index bigint;
BEGIN
    SELECT max(log_index) INTO last_index FROM sequenced;
    IF last_index IS NOT NULL THEN
        PERFORM submission_log_index_refused(last_index);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER submission_sequenced_in_log AFTER UPDATE ON submission
    REFERENCING NEW TABLE AS sequenced
    FOR EACH STATEMENT EXECUTE FUNCTION submissions_sequenced_in_log();

-- New submissions are pending (no index); a row inserted already sequenced is checked on its own.
CREATE FUNCTION submission_inserted_in_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM submission_log_index_refused(NEW.log_index);
    RETURN NULL;
END
$$;

CREATE TRIGGER submission_inserted_in_log AFTER INSERT ON submission
    FOR EACH ROW WHEN (NEW.log_index IS NOT NULL)
    EXECUTE FUNCTION submission_inserted_in_log();
