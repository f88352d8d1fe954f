package org.markproof.contracts.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.note.Ed25519KeyVerifier;
import org.markproof.contracts.note.VerifierKey;

/**
 * Verifies Ed25519 witness cosignatures, signature type 0x04 (c2sp.org/tlog-cosignature): the key
 * id is computed with type byte 0x04 and the signature is a {@link Cosignature} over {@link
 * Cosignature#signedMessage}. Plugs into {@link org.markproof.contracts.note.NoteVerifiers} next to
 * the log's key.
 */
public final class Ed25519CosignatureVerifier extends Ed25519KeyVerifier {
  private Ed25519CosignatureVerifier(VerifierKey key) throws MalformedDataException {
    super(key, VerifierKey.TYPE_COSIGNATURE, "Ed25519 cosignature key");
  }

  /**
   * Makes the cosignature verifier of {@code name} for {@code publicKey}.
   *
   * @throws MalformedDataException if the name breaks the key name rules
   */
  public static Ed25519CosignatureVerifier of(String name, Ed25519PublicKey publicKey)
      throws MalformedDataException {
    return new Ed25519CosignatureVerifier(
        VerifierKey.of(name, VerifierKey.TYPE_COSIGNATURE, publicKey.bytes()));
  }

  /**
   * Makes the verifier of a parsed key of type 0x04.
   *
   * @throws MalformedDataException if the key is of another type or not a curve point
   */
  public static Ed25519CosignatureVerifier fromKey(VerifierKey key) throws MalformedDataException {
    return new Ed25519CosignatureVerifier(key);
  }

  /**
   * Parses a verifier key text {@code <name>+<hex id>+<base64(0x04 ‖ public key)>}.
   *
   * @throws MalformedDataException if the text is malformed or not of type 0x04
   */
  public static Ed25519CosignatureVerifier parse(String text) throws MalformedDataException {
    return fromKey(VerifierKey.parse(text));
  }

  /**
   * Checks a {@code timestamped_signature} over the checkpoint note {@code text}.
   *
   * @throws SignatureVerificationException if it is not 72 bytes, its timestamp exceeds 2^63 - 1,
   *     or the Ed25519 signature does not verify
   */
  @Override
  public void verify(byte[] text, byte[] signature) throws SignatureVerificationException {
    if (signature.length != Cosignature.ENCODED_LENGTH) {
      throw new SignatureVerificationException(
          "cosignature: got "
              + signature.length
              + " bytes, expected "
              + Cosignature.ENCODED_LENGTH);
    }
    long timestamp = ByteBuffer.wrap(signature).getLong();
    if (timestamp < 0) {
      throw new SignatureVerificationException("cosignature timestamp exceeds 2^63 - 1");
    }
    byte[] ed25519 = Arrays.copyOfRange(signature, 8, signature.length);
    Ed25519Signatures.verify(publicKey(), Cosignature.signedMessage(timestamp, text), ed25519);
  }
}
