package org.markproof.contracts.rules;

import java.util.Optional;
import org.markproof.contracts.entry.BatchRevoked;
import org.markproof.contracts.entry.LabelRevoked;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.label.Gtin;

/**
 * Revocations of labels or whole batches, by the batch's issuer or the mark's holder today; a
 * revocation is recorded once.
 */
final class RevocationRules {
  private RevocationRules() {}

  static void validate(RuleContext c, LabelRevoked s) {
    Optional<BatchRecord> batch = knownBatch(c, s, s.gtin(), s.batch());
    if (batch.isEmpty()) {
      return;
    }
    requireNotRevoked(c, batch.get());
    for (int i = 0; i < s.serials().size(); i++) {
      String serial = s.serials().get(i);
      Optional<RevocationRecord> earlier = c.state().serialRevocation(s.gtin(), s.batch(), serial);
      if (earlier.isPresent()) {
        c.add(
            ViolationCode.SERIAL_ALREADY_REVOKED,
            "statement.serials[" + i + "]",
            "serial " + serial + " was revoked at entry " + earlier.get().source().index());
      }
    }
  }

  static void validate(RuleContext c, BatchRevoked s) {
    knownBatch(c, s, s.gtin(), s.batch()).ifPresent(b -> requireNotRevoked(c, b));
  }

  private static Optional<BatchRecord> knownBatch(
      RuleContext c, Statement s, Gtin gtin, String lot) {
    Optional<BatchRecord> batch = c.state().batch(gtin, lot);
    if (batch.isEmpty()) {
      c.add(ViolationCode.BATCH_UNKNOWN, "statement.batch", "no batch " + lot + " of " + gtin);
      return batch;
    }
    boolean issuer = batch.get().issuer().equals(s.submitter());
    boolean holder =
        c.state()
            .product(gtin)
            .flatMap(p -> c.state().mark(p.registration().trademark()))
            .flatMap(m -> m.holderOn(c.today()))
            .map(h -> h.holder().equals(s.submitter()))
            .orElse(false);
    if (!issuer && !holder) {
      c.add(
          ViolationCode.REVOCATION_NOT_ENTITLED,
          "statement.submitter",
          s.submitter() + " is neither the issuer of batch " + lot + " nor the mark's holder");
    }
    return batch;
  }

  private static void requireNotRevoked(RuleContext c, BatchRecord batch) {
    batch
        .revocation()
        .ifPresent(
            r ->
                c.add(
                    ViolationCode.BATCH_ALREADY_REVOKED,
                    "statement.batch",
                    "the whole batch was revoked at entry " + r.source().index()));
  }

  static Tables apply(Tables t, LabelRevoked s, EntryRef at) {
    RevocationRecord record = new RevocationRecord(s.reason(), s.submitter(), at);
    Tables next = t;
    for (String serial : s.serials()) {
      next = next.withSerialRevoked(new Tables.SerialKey(s.gtin(), s.batch(), serial), record);
    }
    return next;
  }

  static Tables apply(Tables t, BatchRevoked s, EntryRef at) {
    BatchRecord batch = t.batches.get(new Tables.BatchKey(s.gtin(), s.batch()));
    return t.withBatch(batch.revoked(new RevocationRecord(s.reason(), s.submitter(), at)));
  }
}
