package org.markproof.contracts.entry;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code trademark.recorded}: the registrar of {@code trademark.office()} records a registered
 * mark, its Nice classes, its holder and its filing, registration and expiry dates.
 */
public record TrademarkRecorded(
    String submitter,
    TrademarkRef trademark,
    MarkRepresentation mark,
    List<Integer> niceClasses,
    String holder,
    LocalDate filingDate,
    LocalDate registrationDate,
    LocalDate expiryDate)
    implements Statement {
  public TrademarkRecorded {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("trademark", trademark);
    FieldSyntax.present("mark", mark);
    niceClasses = List.copyOf(niceClasses);
    FieldSyntax.require("niceClasses", NiceClasses.problem(niceClasses));
    FieldSyntax.requireIdentifier("holder", holder);
    FieldSyntax.requireDate("filingDate", filingDate);
    FieldSyntax.requireDate("registrationDate", registrationDate);
    FieldSyntax.requireDate("expiryDate", expiryDate);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.TRADEMARK_RECORDED;
  }
}
