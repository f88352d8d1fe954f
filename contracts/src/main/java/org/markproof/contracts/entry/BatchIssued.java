package org.markproof.contracts.entry;

import java.time.LocalDate;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.label.Gtin;

/**
 * {@code batch.issued}: the mark's holder or a licensee issues batch/lot {@code batch} (GS1 AI 10)
 * of product {@code gtin}, with {@code serialCount} serials whose labels {@code labelKey} signs.
 */
public record BatchIssued(
    String submitter,
    Gtin gtin,
    String batch,
    long serialCount,
    Ed25519PublicKey labelKey,
    LocalDate issueDate)
    implements Statement {
  public BatchIssued {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("gtin", gtin);
    FieldSyntax.require("batch", FieldSyntax.gs1Cset82(FieldSyntax.present("batch", batch)));
    if (serialCount < 1 || serialCount > EntryLimits.MAX_SERIAL_COUNT) {
      throw new IllegalArgumentException("serialCount: out of range: " + serialCount);
    }
    FieldSyntax.present("labelKey", labelKey);
    FieldSyntax.requireDate("issueDate", issueDate);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.BATCH_ISSUED;
  }
}
