package org.markproof.contracts.note;

import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;

/**
 * Verifies plain Ed25519 note signatures, type 0x01 (c2sp.org/signed-note §Ed25519 signatures): a
 * 64-byte RFC 8032 signature over the note text.
 */
public final class Ed25519NoteVerifier extends Ed25519KeyVerifier {
  private Ed25519NoteVerifier(VerifierKey key) throws MalformedDataException {
    super(key, VerifierKey.TYPE_ED25519, "Ed25519 note key");
  }

  /**
   * Makes the verifier of {@code name} for {@code publicKey}.
   *
   * @throws MalformedDataException if the name breaks the key name rules
   */
  public static Ed25519NoteVerifier of(String name, Ed25519PublicKey publicKey)
      throws MalformedDataException {
    return new Ed25519NoteVerifier(
        VerifierKey.of(name, VerifierKey.TYPE_ED25519, publicKey.bytes()));
  }

  /**
   * Makes the verifier of a parsed key.
   *
   * @throws MalformedDataException if the key is not of type 0x01 or not a curve point
   */
  public static Ed25519NoteVerifier fromKey(VerifierKey key) throws MalformedDataException {
    return new Ed25519NoteVerifier(key);
  }

  /**
   * Parses a verifier key text such as {@code
   * PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}.
   *
   * @throws MalformedDataException if the text is malformed or not an Ed25519 (0x01) key
   */
  public static Ed25519NoteVerifier parse(String text) throws MalformedDataException {
    return fromKey(VerifierKey.parse(text));
  }

  @Override
  public void verify(byte[] text, byte[] signature) throws SignatureVerificationException {
    Ed25519Signatures.verify(publicKey(), text, signature);
  }
}
