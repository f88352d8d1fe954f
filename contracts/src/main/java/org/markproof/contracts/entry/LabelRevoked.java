package org.markproof.contracts.entry;

import java.util.HashSet;
import java.util.List;
import org.markproof.contracts.label.Gtin;

/**
 * {@code label.revoked}: the batch's issuer or the mark's holder revokes the labels of some serials
 * (GS1 AI 21) of batch {@code batch} of {@code gtin}.
 */
public record LabelRevoked(
    String submitter, Gtin gtin, String batch, List<String> serials, RevocationReason reason)
    implements Statement {
  public LabelRevoked {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.present("gtin", gtin);
    FieldSyntax.require("batch", FieldSyntax.gs1Cset82(FieldSyntax.present("batch", batch)));
    serials = List.copyOf(serials);
    if (serials.isEmpty() || serials.size() > EntryLimits.MAX_SERIALS_PER_REVOCATION) {
      throw new IllegalArgumentException("serials: expected 1 to 1000, got " + serials.size());
    }
    for (String serial : serials) {
      FieldSyntax.require("serials", FieldSyntax.gs1Cset82(serial));
    }
    if (new HashSet<>(serials).size() != serials.size()) {
      throw new IllegalArgumentException("serials: a serial is listed twice");
    }
    FieldSyntax.present("reason", reason);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.LABEL_REVOKED;
  }
}
