package org.markproof.contracts.entry;

import java.time.Instant;
import java.util.Optional;
import org.markproof.contracts.label.Gtin;

/**
 * {@code seizure.recorded}: a customs officer at {@code post} records goods seized at {@code
 * seizedAt} after the scan {@code scanReference}; the batch and serial are known when the code
 * carried them (a serial only with its batch).
 */
public record SeizureRecorded(
    String submitter,
    String scanReference,
    Gtin gtin,
    Optional<String> batch,
    Optional<String> serial,
    String post,
    Instant seizedAt,
    SeizureReason reason)
    implements Statement {
  public SeizureRecorded {
    FieldSyntax.requireIdentifier("submitter", submitter);
    FieldSyntax.requireIdentifier("scanReference", scanReference);
    FieldSyntax.present("gtin", gtin);
    FieldSyntax.present("batch", batch)
        .ifPresent(b -> FieldSyntax.require("batch", FieldSyntax.gs1Cset82(b)));
    FieldSyntax.present("serial", serial)
        .ifPresent(s -> FieldSyntax.require("serial", FieldSyntax.gs1Cset82(s)));
    if (serial.isPresent() && batch.isEmpty()) {
      throw new IllegalArgumentException("serial: only allowed together with batch");
    }
    FieldSyntax.requireIdentifier("post", post);
    FieldSyntax.requireInstant("seizedAt", seizedAt);
    FieldSyntax.present("reason", reason);
  }

  @Override
  public StatementKind kind() {
    return StatementKind.SEIZURE_RECORDED;
  }
}
