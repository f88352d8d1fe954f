package org.markproof.contracts.label;

import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * A label's AI (8030) signature is missing, malformed, or does not verify with the batch's label
 * key over the {@code markproof/label/v1} message. Carries what was checked.
 */
public class LabelSignatureException extends SignatureVerificationException {
  private static final long serialVersionUID = 1L;

  private final String canonicalPath;
  private final transient Ed25519PublicKey labelKey;

  public LabelSignatureException(String message, String canonicalPath, Ed25519PublicKey labelKey) {
    super(message + " [path " + canonicalPath + ", label key " + labelKey + "]");
    this.canonicalPath = canonicalPath;
    this.labelKey = labelKey;
  }

  /** The canonical path whose signature failed. */
  public String canonicalPath() {
    return canonicalPath;
  }

  /** The label key it was checked against. */
  public Ed25519PublicKey labelKey() {
    return labelKey;
  }
}
