package org.markproof.contracts.rules;

/**
 * The right under which someone could issue batches of a product on a date: as the mark's holder by
 * the chain of ownership, or as a licensee under a license covering the product and the date.
 * Verdicts cite its {@link #source()} entry.
 */
public sealed interface Entitlement {
  /** The entry that created the right: the recordal or assignment, or the license grant. */
  EntryRef source();

  /** Held the mark on the date. */
  record AsHolder(MarkRecord mark, HolderPeriod period) implements Entitlement {
    @Override
    public EntryRef source() {
      return period.source();
    }
  }

  /** Held a license in force on the date, covering the product's GTIN and Nice class. */
  record AsLicensee(MarkRecord mark, LicenseRecord license) implements Entitlement {
    @Override
    public EntryRef source() {
      return license.source();
    }
  }
}
