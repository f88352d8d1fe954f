package org.markproof.service.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored submission: its id, the RFC 9162 leaf hash the entry will have in the log, when it was
 * accepted, and the log's signed receipt promising to sequence it.
 *
 * @param replayed true when this answers a retry of an earlier submission
 */
public record Accepted(
    UUID submission, byte[] leafHash, Instant acceptedAt, String receipt, boolean replayed) {
  public Accepted {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    Objects.requireNonNull(receipt, "receipt");
    leafHash = Objects.requireNonNull(leafHash, "leafHash").clone();
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }
}
