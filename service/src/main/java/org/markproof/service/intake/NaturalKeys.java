package org.markproof.service.intake;

import java.util.Optional;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ProductRegistered;
import org.markproof.contracts.entry.Statement;
import org.markproof.contracts.entry.TrademarkRecorded;

/**
 * What makes a statement unique in the world, for the statements that can be made only once: a
 * retry of one (with or without its Idempotency-Key) finds the first submission and adds no second
 * leaf. Stored in {@code submission.natural_key}, unique among submissions not rejected.
 */
final class NaturalKeys {
  private NaturalKeys() {}

  /**
   * The natural key of {@code statement}: {@code trademark:<office>:<number>}, {@code
   * product:<gtin>}, {@code batch:<gtin>:<batch>} or {@code participant:<id>}; empty for kinds that
   * may repeat.
   */
  static Optional<String> of(Statement statement) {
    if (statement instanceof TrademarkRecorded t) {
      return Optional.of(
          "trademark:" + t.trademark().office().code() + ":" + t.trademark().number());
    }
    if (statement instanceof ProductRegistered p) {
      return Optional.of("product:" + p.gtin().digits());
    }
    if (statement instanceof BatchIssued b) {
      return Optional.of("batch:" + b.gtin().digits() + ":" + b.batch());
    }
    if (statement instanceof ParticipantEnrolled e) {
      return Optional.of("participant:" + e.participant());
    }
    return Optional.empty();
  }
}
