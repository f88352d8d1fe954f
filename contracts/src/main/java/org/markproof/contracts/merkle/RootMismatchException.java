package org.markproof.contracts.merkle;

import java.util.Base64;
import org.markproof.contracts.VerificationException;

/** A proof led to a root other than the one it was checked against; carries both roots. */
public class RootMismatchException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final byte[] expectedRoot;
  private final byte[] computedRoot;

  public RootMismatchException(String what, byte[] expectedRoot, byte[] computedRoot) {
    super(
        what
            + ": computed root "
            + Base64.getEncoder().encodeToString(computedRoot)
            + " does not match expected root "
            + Base64.getEncoder().encodeToString(expectedRoot));
    this.expectedRoot = expectedRoot.clone();
    this.computedRoot = computedRoot.clone();
  }

  public byte[] expectedRoot() {
    return expectedRoot.clone();
  }

  public byte[] computedRoot() {
    return computedRoot.clone();
  }
}
