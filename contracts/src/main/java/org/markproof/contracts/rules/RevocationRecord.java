package org.markproof.contracts.rules;

import org.markproof.contracts.entry.RevocationReason;

/** A revocation of labels or of a whole batch: why, by whom, and where it is in the log. */
public record RevocationRecord(RevocationReason reason, String by, EntryRef source) {}
