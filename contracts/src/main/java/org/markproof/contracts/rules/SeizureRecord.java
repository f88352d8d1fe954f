package org.markproof.contracts.rules;

import org.markproof.contracts.entry.SeizureRecorded;

/** A recorded seizure and where it is in the log. */
public record SeizureRecord(SeizureRecorded seizure, EntryRef source) {}
