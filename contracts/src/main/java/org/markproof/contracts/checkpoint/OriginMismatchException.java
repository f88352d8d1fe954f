package org.markproof.contracts.checkpoint;

import org.markproof.contracts.VerificationException;

/**
 * A correctly signed checkpoint names another log than the one expected: the signer's key vouches
 * for a tree of a different origin. Carries both origins.
 */
public class OriginMismatchException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String expectedOrigin;
  private final String actualOrigin;

  public OriginMismatchException(String expectedOrigin, String actualOrigin) {
    super(
        "checkpoint origin \""
            + actualOrigin
            + "\" does not match the expected origin \""
            + expectedOrigin
            + "\"");
    this.expectedOrigin = expectedOrigin;
    this.actualOrigin = actualOrigin;
  }

  public String expectedOrigin() {
    return expectedOrigin;
  }

  public String actualOrigin() {
    return actualOrigin;
  }
}
