package org.markproof.contracts.note;

import java.security.SecureRandom;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;

/** Makes plain Ed25519 note signatures, type 0x01 (c2sp.org/signed-note §Ed25519 signatures). */
public final class Ed25519NoteSigner implements NoteSigner {
  private final SignerKey key;
  private final Ed25519NoteVerifier verifier;

  private Ed25519NoteSigner(SignerKey key) throws MalformedDataException {
    this.key = key;
    this.verifier = Ed25519NoteVerifier.fromKey(key.verifierKey());
  }

  /**
   * Makes the signer of {@code name} with {@code privateKey}.
   *
   * @throws MalformedDataException if the name breaks the key name rules
   */
  public static Ed25519NoteSigner of(String name, Ed25519PrivateKey privateKey)
      throws MalformedDataException {
    return new Ed25519NoteSigner(SignerKey.of(name, VerifierKey.TYPE_ED25519, privateKey));
  }

  /**
   * Makes the signer of a parsed signer key.
   *
   * @throws MalformedDataException if the key is not of type 0x01
   */
  public static Ed25519NoteSigner fromKey(SignerKey key) throws MalformedDataException {
    if (key.type() != VerifierKey.TYPE_ED25519) {
      throw new MalformedDataException(
          "signer key " + key.name() + ": not an Ed25519 note key (type 0x01)");
    }
    return new Ed25519NoteSigner(key);
  }

  /**
   * Parses a signer key text {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 ‖ seed)>}.
   *
   * @throws MalformedDataException if the text is malformed or not of type 0x01
   */
  public static Ed25519NoteSigner parse(String text) throws MalformedDataException {
    return fromKey(SignerKey.parse(text));
  }

  /**
   * Generates a new key named {@code name} from the caller's randomness, like Go's {@code
   * note.GenerateKey}.
   *
   * @throws MalformedDataException if the name breaks the key name rules
   */
  public static Ed25519NoteSigner generate(String name, SecureRandom random)
      throws MalformedDataException {
    return of(name, Ed25519PrivateKey.generate(random));
  }

  @Override
  public String name() {
    return key.name();
  }

  @Override
  public int keyId() {
    return key.keyId();
  }

  /** The signer key; its {@link SignerKey#text()} is the secret text form. */
  public SignerKey signerKey() {
    return key;
  }

  @Override
  public byte[] sign(byte[] text) {
    return Ed25519Signatures.sign(key.privateKey(), text);
  }

  @Override
  public Ed25519NoteVerifier verifier() {
    return verifier;
  }

  @Override
  public String toString() {
    return "Ed25519NoteSigner[" + key.verifierKey().text() + "]";
  }
}
