package org.markproof.edge.cli;

/** The exit codes every auditor command shares, so scripts can tell the three outcomes apart. */
public final class ExitCodes {
  /** The signature, proof or label verified. */
  public static final int VERIFIED = 0;

  /** Verification failed: the message on standard error says what failed. */
  public static final int VERIFICATION_FAILED = 1;

  /** Bad usage, malformed input, an unreadable file, or no code found in an image. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
