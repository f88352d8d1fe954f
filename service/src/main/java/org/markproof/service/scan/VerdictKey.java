package org.markproof.service.scan;

import org.markproof.contracts.note.Ed25519NoteSigner;

/** The service's verdict signer (docs/verdicts.md "The signature"). */
public record VerdictKey(Ed25519NoteSigner signer) {
  /** The verifier key text, {@code name+hexid+base64(0x01‖key)}. */
  public String verifierKeyText() {
    return signer.verifier().verifierKey().text();
  }
}
