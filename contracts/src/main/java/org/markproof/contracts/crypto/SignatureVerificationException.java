package org.markproof.contracts.crypto;

import org.markproof.contracts.VerificationException;

/** A signature did not verify with the key it claimed. */
public class SignatureVerificationException extends VerificationException {
  private static final long serialVersionUID = 1L;

  public SignatureVerificationException(String message) {
    super(message);
  }
}
