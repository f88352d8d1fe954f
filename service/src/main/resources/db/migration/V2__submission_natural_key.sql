-- A rejected submission gives its natural key back: the statement may be submitted again once
-- corrected (a registrar's mark refused for a missing enrolment, then re-sent). The natural key
-- stays unique among submissions not rejected; the index keeps the name of the constraint it
-- replaces, so errors read the same.
ALTER TABLE submission DROP CONSTRAINT submission_natural_key_key;
CREATE UNIQUE INDEX submission_natural_key_key ON submission (natural_key)
    WHERE status <> 'rejected';
