package org.markproof.contracts.entry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code trademark.status-changed}: the registrar of the mark's office records a new status from
 * {@code effectiveDate}; a renewal carries the new expiry date, no other status does.
 */
public record TrademarkStatusChanged(
    String submitter,
    TrademarkRef trademark,
    TrademarkStatus status,
    Optional<LocalDate> newExpiryDate,
    LocalDate effectiveDate)
    implements Statement {
  public TrademarkStatusChanged {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("trademark", trademark);
    FieldSyntax.present("status", status);
    FieldSyntax.present("newExpiryDate", newExpiryDate);
    FieldSyntax.require("newExpiryDate", expiryProblem(status, newExpiryDate.isPresent()));
    newExpiryDate.ifPresent(d -> FieldSyntax.requireDate("newExpiryDate", d));
    FieldSyntax.requireDate("effectiveDate", effectiveDate);
  }

  static String expiryProblem(TrademarkStatus status, boolean hasExpiry) {
    if (status == TrademarkStatus.RENEWED && !hasExpiry) {
      return "missing required field (a renewal needs the new expiry date)";
    }
    if (status != TrademarkStatus.RENEWED && hasExpiry) {
      return "only allowed when status is renewed";
    }
    return null;
  }

  @Override
  public StatementKind kind() {
    return StatementKind.TRADEMARK_STATUS_CHANGED;
  }
}
