package org.markproof.service.log.store;

/**
 * An append found the log head no longer at the version it was planned against: another sequencer
 * appended in between. Nothing of the batch was written; the caller steps down.
 */
public final class HeadMovedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient LogHead expected;

  public HeadMovedException(LogHead expected) {
    super(
        "log head moved: expected version "
            + expected.version()
            + " at size "
            + expected.size()
            + "; another sequencer appended, this batch was rolled back");
    this.expected = expected;
  }

  /** The head the refused append was planned against. */
  public LogHead expected() {
    return expected;
  }
}
