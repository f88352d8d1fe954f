package org.markproof.contracts.note;

import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * Verifies note signatures made by one key, identified by its name and 32-bit key id
 * (c2sp.org/signed-note §Signatures). Implementations exist for plain Ed25519 note signatures
 * ({@link Ed25519NoteVerifier}, type 0x01) and for tlog-cosignature Ed25519 cosignatures (type
 * 0x04, in {@code org.markproof.contracts.checkpoint}).
 */
public interface NoteVerifier {
  /** The key name, as it appears in signature lines. */
  String name();

  /** The 32-bit key id, as the first four bytes of a signature encode it. */
  int keyId();

  /** The verifier key this verifier was made from. */
  VerifierKey verifierKey();

  /**
   * Checks that {@code signature} (the signature bytes after the 4-byte key id) signs {@code text}
   * (the note text, final newline included, separating blank line excluded).
   *
   * @throws SignatureVerificationException if it does not
   */
  void verify(byte[] text, byte[] signature) throws SignatureVerificationException;
}
