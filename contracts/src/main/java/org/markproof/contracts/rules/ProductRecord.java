package org.markproof.contracts.rules;

import org.markproof.contracts.entry.ProductRegistered;

/** A registered product and the entry that registered it. */
public record ProductRecord(ProductRegistered registration, EntryRef source) {}
