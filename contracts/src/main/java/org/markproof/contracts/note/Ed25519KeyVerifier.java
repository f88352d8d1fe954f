package org.markproof.contracts.note;

import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PublicKey;

/**
 * The part every Ed25519-based {@link NoteVerifier} shares: its verifier key (name, key id, type)
 * and the decoded Ed25519 public key. Subclasses say what the signature covers — the note text for
 * type 0x01 (c2sp.org/signed-note), a timestamped message for type 0x04
 * (c2sp.org/tlog-cosignature).
 */
public abstract class Ed25519KeyVerifier implements NoteVerifier {
  private final VerifierKey key;
  private final Ed25519PublicKey publicKey;

  /**
   * Decodes {@code key}'s public key after checking its signature type.
   *
   * @throws MalformedDataException if the key is of another type than {@code type} (named {@code
   *     typeName} in the message) or not a curve point
   */
  protected Ed25519KeyVerifier(VerifierKey key, int type, String typeName)
      throws MalformedDataException {
    if (key.type() != type) {
      throw new MalformedDataException(
          String.format(
              "verifier key %s: type 0x%02x is not an %s (type 0x%02x)",
              key.name(), key.type(), typeName, type));
    }
    this.key = key;
    this.publicKey = Ed25519PublicKey.of(key.publicKey());
  }

  @Override
  public final String name() {
    return key.name();
  }

  @Override
  public final int keyId() {
    return key.keyId();
  }

  @Override
  public final VerifierKey verifierKey() {
    return key;
  }

  /** The Ed25519 public key. */
  public final Ed25519PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + key.text() + "]";
  }
}
