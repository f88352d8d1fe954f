package org.markproof.contracts.note;

/** Signs note texts with one key (c2sp.org/signed-note §Signatures). */
public interface NoteSigner {
  /** The key name written in signature lines. */
  String name();

  /** The 32-bit key id written as the first four bytes of each signature. */
  int keyId();

  /** Returns the signature bytes (without the key id) of {@code text}. */
  byte[] sign(byte[] text);

  /** Returns the verifier of this signer's signatures. */
  NoteVerifier verifier();
}
