package org.markproof.contracts.merkle;

import org.markproof.contracts.VerificationException;

/**
 * A proof cannot be right for the tree it claims before any hashing: an index past the size, a hash
 * that is not 32 bytes, a proof of the wrong length, sizes in the wrong order.
 */
public class ProofShapeException extends VerificationException {
  private static final long serialVersionUID = 1L;

  public ProofShapeException(String message) {
    super(message);
  }
}
