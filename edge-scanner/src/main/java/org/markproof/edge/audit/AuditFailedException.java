package org.markproof.edge.audit;

import java.util.OptionalLong;
import org.markproof.contracts.VerificationException;

/**
 * The log a {@link LogAudit} read does not verify: what it serves disagrees with its signed
 * checkpoint or with itself. Carries the first index found wrong, where one entry can be named.
 */
public final class AuditFailedException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final long firstBadIndex;

  /** A failure pinned to entry {@code firstBadIndex}. */
  public AuditFailedException(long firstBadIndex, String message) {
    super(message);
    this.firstBadIndex = firstBadIndex;
  }

  /** A failure of the log as a whole, such as a root that differs from the checkpoint's. */
  public AuditFailedException(String message) {
    super(message);
    this.firstBadIndex = -1;
  }

  /** The first entry found wrong, if the failure could be pinned to one. */
  public OptionalLong firstBadIndex() {
    return firstBadIndex < 0 ? OptionalLong.empty() : OptionalLong.of(firstBadIndex);
  }
}
