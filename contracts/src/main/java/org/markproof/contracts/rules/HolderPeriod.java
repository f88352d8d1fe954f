package org.markproof.contracts.rules;

import java.time.LocalDate;

/**
 * One link of a mark's chain of ownership: {@code holder} holds the mark from {@code from}
 * (inclusive) until the next link's date. The first link starts at the filing date.
 */
public record HolderPeriod(String holder, LocalDate from, EntryRef source) {}
