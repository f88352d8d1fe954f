package org.markproof.service.scan;

import java.util.List;
import org.markproof.contracts.note.Ed25519NoteSigner;
import org.markproof.contracts.note.Ed25519NoteVerifier;

/**
 * The service's verdict signer (docs/verdicts.md "The signature") and the public halves of the
 * verdict keys it signed with before a rotation: a verdict's {@code signature.key} names its key,
 * so the verdicts signed before stay verifiable with the one published here.
 *
 * @param signer the key that signs new verdicts
 * @param previous earlier verdict keys, which sign nothing now
 */
public record VerdictKey(Ed25519NoteSigner signer, List<Ed25519NoteVerifier> previous) {
  /** Copies the list. */
  public VerdictKey {
    previous = List.copyOf(previous);
  }

  /** The verifier key text, {@code name+hexid+base64(0x01‖key)}. */
  public String verifierKeyText() {
    return signer.verifier().verifierKey().text();
  }

  /** The previous keys' verifier key texts, in the configured order. */
  public List<String> previousKeyTexts() {
    return previous.stream().map(k -> k.verifierKey().text()).toList();
  }
}
