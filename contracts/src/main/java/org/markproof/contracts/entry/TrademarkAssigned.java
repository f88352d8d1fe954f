package org.markproof.contracts.entry;

import java.time.LocalDate;

/**
 * {@code trademark.assigned}: the registrar of the mark's office records that {@code newHolder}
 * holds the mark from {@code effectiveDate}: one link of the chain of ownership.
 */
public record TrademarkAssigned(
    String submitter, TrademarkRef trademark, String newHolder, LocalDate effectiveDate)
    implements Statement {
  public TrademarkAssigned {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("trademark", trademark);
    FieldSyntax.requireIdentifier("newHolder", newHolder);
    FieldSyntax.requireDate("effectiveDate", effectiveDate);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.TRADEMARK_ASSIGNED;
  }
}
