package org.markproof.contracts.entry;

import java.time.LocalDate;

/**
 * {@code license.terminated}: the licensor (or the mark's holder or registrar) ends {@code license}
 * from {@code effectiveDate}: no batch may be issued under it on or after that date; batches issued
 * before stay genuine.
 */
public record LicenseTerminated(String submitter, String license, LocalDate effectiveDate)
    implements Statement {
  public LicenseTerminated {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.requireIdentifier("license", license);
    FieldSyntax.requireDate("effectiveDate", effectiveDate);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.LICENSE_TERMINATED;
  }
}
