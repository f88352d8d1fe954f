package org.markproof.contracts.entry;

import java.time.LocalDate;

/**
 * {@code license.granted}: the mark's holder ({@code licensor}) licenses {@code licensee} to use
 * {@code trademark} within {@code scope} from {@code startDate} to {@code endDate} inclusive. The
 * registrar of the mark's office may record the same grant (a license recordal).
 */
public record LicenseGranted(
    String submitter,
    String license,
    String licensor,
    String licensee,
    TrademarkRef trademark,
    LicenseScope scope,
    LocalDate startDate,
    LocalDate endDate)
    implements Statement {
  public LicenseGranted {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.requireIdentifier("license", license);
    FieldSyntax.requireIdentifier("licensor", licensor);
    FieldSyntax.requireIdentifier("licensee", licensee);
    FieldSyntax.present("trademark", trademark);
    FieldSyntax.present("scope", scope);
    FieldSyntax.requireDate("startDate", startDate);
    FieldSyntax.requireDate("endDate", endDate);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.LICENSE_GRANTED;
  }
}
