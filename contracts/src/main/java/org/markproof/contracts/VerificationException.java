package org.markproof.contracts;

/**
 * A security check failed: a signature, a proof, a root or a consistency relation did not hold.
 *
 * <p>Checked on purpose: verifiers return {@code void} and throw, so forgetting to look at a result
 * can never turn into an acceptance. Subclasses carry the evidence of what failed.
 */
public class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  public VerificationException(String message) {
    super(message);
  }

  public VerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
