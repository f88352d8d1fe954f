package org.markproof.contracts.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.markproof.contracts.entry.LicenseGranted;
import org.markproof.contracts.label.Gtin;

/** A granted license and its termination, if any. */
public record LicenseRecord(
    LicenseGranted grant, EntryRef source, Optional<Termination> termination) {
  /** A termination: no batch may be issued under the license on or after {@code effectiveDate}. */
  public record Termination(LocalDate effectiveDate, String by, EntryRef source) {}

  public String id() {
    return grant.license();
  }

  /**
   * Whether the license is in force on {@code date}: within its term and before any termination's
   * effective date.
   */
  public boolean isInForceOn(LocalDate date) {
    return !date.isBefore(grant.startDate())
        && !date.isAfter(grant.endDate())
        && termination.map(t -> date.isBefore(t.effectiveDate())).orElse(true);
  }

  /**
   * Whether the license covers product {@code gtin} in Nice class {@code niceClass} on {@code
   * date}.
   */
  public boolean covers(Gtin gtin, int niceClass, LocalDate date) {
    return isInForceOn(date)
        && grant.scope().covers(gtin)
        && grant.scope().niceClasses().contains(niceClass);
  }

  /** Whether a termination taking effect on or before {@code date} has been recorded. */
  public boolean isTerminatedBy(LocalDate date) {
    return termination.map(t -> !t.effectiveDate().isAfter(date)).orElse(false);
  }

  LicenseRecord terminated(Termination t) {
    return new LicenseRecord(grant, source, Optional.of(t));
  }
}
