package org.markproof.service.log.index;

import java.util.HexFormat;

/**
 * The stored log does not replay to what was stored or signed about it: a recomputed root differs
 * from the stored head's or a signed checkpoint's, or a stored entry breaks the rules it was
 * sequenced under. A security failure: the index stops growing and the replica stops being ready,
 * rather than serve a log it cannot vouch for. Carries the evidence.
 */
public final class IndexMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long size;

  /**
   * A root mismatch at {@code size}: what was stored or signed against what the replay computed.
   */
  public IndexMismatchException(String what, long size, byte[] expected, byte[] computed) {
    super(
        what
            + " at size "
            + size
            + ": stored "
            + HexFormat.of().formatHex(expected)
            + ", recomputed "
            + HexFormat.of().formatHex(computed));
    this.size = size;
  }

  /** Another inconsistency at entry or size {@code size}. */
  public IndexMismatchException(String message, long size, Throwable cause) {
    super(message, cause);
    this.size = size;
  }

  /** The tree size or entry index at which the log stopped replaying. */
  public long size() {
    return size;
  }
}
