package org.markproof.contracts.entry;

import org.markproof.contracts.label.Gtin;

/**
 * {@code batch.revoked}: the batch's issuer or the mark's holder revokes every label of batch
 * {@code batch} of {@code gtin}.
 */
public record BatchRevoked(String submitter, Gtin gtin, String batch, RevocationReason reason)
    implements Statement {
  public BatchRevoked {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("gtin", gtin);
    FieldSyntax.require("batch", FieldSyntax.gs1Cset82(FieldSyntax.present("batch", batch)));
    FieldSyntax.present("reason", reason);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.BATCH_REVOKED;
  }
}
