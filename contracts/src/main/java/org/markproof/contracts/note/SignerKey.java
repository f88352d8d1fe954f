package org.markproof.contracts.note;

import java.util.Arrays;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;

/**
 * The text form of a note signer key, {@code PRIVATE+KEY+<name>+<hex key id>+<base64(type ‖
 * seed)>}, as in Go's {@code golang.org/x/mod/sumdb/note}. The key id is that of the matching
 * {@link VerifierKey}, computed from the public key. {@link #toString()} never prints the seed.
 *
 * @param name the key name
 * @param keyId the key id of the public key
 * @param type {@link VerifierKey#TYPE_ED25519} or {@link VerifierKey#TYPE_COSIGNATURE}
 * @param privateKey the Ed25519 private key
 */
public record SignerKey(String name, int keyId, byte type, Ed25519PrivateKey privateKey) {
  private static final String PREFIX = "PRIVATE+KEY+";

  /** Checks consistency; callers with untrusted input use {@link #parse} or {@link #of}. */
  public SignerKey {
    VerifierKey derived =
        new VerifierKey(
            name,
            VerifierKey.keyIdOf(name, type, privateKey.publicKey().bytes()),
            type,
            privateKey.publicKey().bytes());
    if (derived.keyId() != keyId) {
      throw new IllegalArgumentException("key id does not match name, type and key");
    }
  }

  /**
   * Builds the signer key of {@code name} and {@code type} for {@code privateKey}.
   *
   * @throws MalformedDataException if the name or type is not acceptable
   */
  public static SignerKey of(String name, byte type, Ed25519PrivateKey privateKey)
      throws MalformedDataException {
    VerifierKey verifier = VerifierKey.of(name, type, privateKey.publicKey().bytes());
    return new SignerKey(name, verifier.keyId(), type, privateKey);
  }

  /**
   * Parses the text form strictly; the declared key id must be the one computed from the public key
   * derived from the seed.
   *
   * @throws MalformedDataException naming the part that is wrong (never echoing the seed)
   */
  public static SignerKey parse(String text) throws MalformedDataException {
    if (text == null || text.length() > VerifierKey.MAX_TEXT_LENGTH || !text.startsWith(PREFIX)) {
      throw new MalformedDataException(
          "signer key: expected PRIVATE+KEY+<name>+<hex id>+<base64 key>");
    }
    String rest = text.substring(PREFIX.length());
    int plus1 = rest.indexOf('+');
    int plus2 = plus1 < 0 ? -1 : rest.indexOf('+', plus1 + 1);
    if (plus2 < 0) {
      throw new MalformedDataException(
          "signer key: expected PRIVATE+KEY+<name>+<hex id>+<base64 key>");
    }
    String name = rest.substring(0, plus1);
    NoteText.requireValidKeyName(name, "signer key");
    int declaredId = VerifierKey.parseKeyId(rest.substring(plus1 + 1, plus2), "signer key");
    byte[] typed = CanonicalBase64.decode(rest.substring(plus2 + 1), "signer key");
    if (typed.length == 0) {
      throw new MalformedDataException("signer key: key data is empty");
    }
    byte type = typed[0];
    byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
    Arrays.fill(typed, (byte) 0);
    VerifierKey.requireSupported(type, seed, "signer key");
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    Arrays.fill(seed, (byte) 0);
    VerifierKey.checked(name, declaredId, type, key.publicKey().bytes(), "signer key");
    return new SignerKey(name, declaredId, type, key);
  }

  /** Returns the matching verifier key. */
  public VerifierKey verifierKey() {
    return new VerifierKey(name, keyId, type, privateKey.publicKey().bytes());
  }

  /** Returns the secret text form. Handle with care. */
  public String text() {
    byte[] typed = new byte[33];
    typed[0] = type;
    System.arraycopy(privateKey.seed(), 0, typed, 1, 32);
    String encoded = CanonicalBase64.encode(typed);
    Arrays.fill(typed, (byte) 0);
    return PREFIX + name + "+" + VerifierKey.hexKeyId(keyId) + "+" + encoded;
  }

  @Override
  public String toString() {
    return "SignerKey[" + verifierKey().text() + "]";
  }
}
