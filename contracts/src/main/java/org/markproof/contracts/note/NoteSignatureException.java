package org.markproof.contracts.note;

import org.markproof.contracts.VerificationException;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * A note carries a signature line by a known key that does not verify, so the whole note is
 * rejected (c2sp.org/signed-note §Signatures). Names the key.
 */
public class NoteSignatureException extends VerificationException {
  private static final long serialVersionUID = 1L;

  private final String keyName;
  private final int keyId;

  public NoteSignatureException(String keyName, int keyId, SignatureVerificationException cause) {
    super(
        "signature by known key "
            + keyName
            + "+"
            + VerifierKey.hexKeyId(keyId)
            + " does not verify: "
            + cause.getMessage(),
        cause);
    this.keyName = keyName;
    this.keyId = keyId;
  }

  /** The name of the known key whose signature failed. */
  public String keyName() {
    return keyName;
  }

  /** The key id of the known key whose signature failed. */
  public int keyId() {
    return keyId;
  }
}
