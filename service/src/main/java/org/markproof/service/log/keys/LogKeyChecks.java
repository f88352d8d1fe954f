package org.markproof.service.log.keys;

import java.util.List;
import org.markproof.contracts.checkpoint.Checkpoint;
import org.markproof.contracts.note.VerifierKey;

/** The checks every configured log key passes before {@link LogKeys} uses it. */
final class LogKeyChecks {
  private LogKeyChecks() {}

  /**
   * Checks that {@code origin} can head a checkpoint (c2sp.org/tlog-checkpoint) and cannot be
   * mistaken for a receipt ({@link SubmissionReceipt#HEADER}).
   *
   * @throws IllegalArgumentException if it cannot
   */
  static void requireOrigin(String origin) {
    if (origin.startsWith(SubmissionReceipt.HEADER)) {
      throw new IllegalArgumentException("origin " + origin + " is reserved for receipts");
    }
    // Throws IllegalArgumentException for an origin no checkpoint can carry.
    Checkpoint.of(origin, 0, new byte[32]);
  }

  /**
   * Checks one checkpoint key of the log: an Ed25519 note key (type 0x01) named after the origin
   * (c2sp.org/tlog-policy), not among {@code seen}; then adds it there.
   *
   * @throws IllegalArgumentException naming the role and the key when it is not
   */
  static void requireLogKey(
      String role, VerifierKey key, String origin, List<VerifierKey> seen, String already) {
    if (key.type() != VerifierKey.TYPE_ED25519) {
      throw new IllegalArgumentException(
          "the " + role + " " + key.text() + " is not an Ed25519 note key (type 0x01)");
    }
    if (!key.name().equals(origin)) {
      throw new IllegalArgumentException(
          "the "
              + role
              + " "
              + key.text()
              + " is named "
              + key.name()
              + " but the log's origin is "
              + origin
              + (seen.isEmpty()
                  ? ": set markproof.log.origin to the key's name, or use a key named after the"
                      + " origin"
                  : ": a rotated log key keeps the origin as its name (only the key id changes)"));
    }
    if (seen.contains(key)) {
      throw new IllegalArgumentException(
          "the " + role + " " + key.text() + " is configured twice, or is also " + already);
    }
    seen.add(key);
  }
}
