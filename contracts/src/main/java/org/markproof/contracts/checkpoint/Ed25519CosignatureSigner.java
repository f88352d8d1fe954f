package org.markproof.contracts.checkpoint;

import java.security.SecureRandom;
import java.time.Clock;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;
import org.markproof.contracts.note.NoteSigner;
import org.markproof.contracts.note.SignerKey;
import org.markproof.contracts.note.VerifierKey;

/**
 * Makes Ed25519 witness cosignatures, type 0x04 (c2sp.org/tlog-cosignature). The time comes from
 * the caller's {@link Clock}, or is given explicitly to {@link #sign(byte[], long)}.
 *
 * <p>A cosignature states that the cosigner verified the checkpoint's consistency; signing one is
 * the caller's decision after that check, which this class does not make.
 */
public final class Ed25519CosignatureSigner implements NoteSigner {
  private final SignerKey key;
  private final Clock clock;
  private final Ed25519CosignatureVerifier verifier;

  private Ed25519CosignatureSigner(SignerKey key, Clock clock) throws MalformedDataException {
    this.key = key;
    this.clock = clock;
    this.verifier = Ed25519CosignatureVerifier.fromKey(key.verifierKey());
  }

  /**
   * Makes the cosigner {@code name} with {@code privateKey}, reading time from {@code clock}.
   *
   * @throws MalformedDataException if the name breaks the key name rules
   */
  public static Ed25519CosignatureSigner of(String name, Ed25519PrivateKey privateKey, Clock clock)
      throws MalformedDataException {
    return new Ed25519CosignatureSigner(
        SignerKey.of(name, VerifierKey.TYPE_COSIGNATURE, privateKey), clock);
  }

  /**
   * Parses a signer key text {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x04 ‖ seed)>}.
   *
   * @throws MalformedDataException if the text is malformed or not of type 0x04
   */
  public static Ed25519CosignatureSigner parse(String text, Clock clock)
      throws MalformedDataException {
    SignerKey key = SignerKey.parse(text);
    if (key.type() != VerifierKey.TYPE_COSIGNATURE) {
      throw new MalformedDataException(
          "signer key " + key.name() + ": not an Ed25519 cosignature key (type 0x04)");
    }
    return new Ed25519CosignatureSigner(key, clock);
  }

  /**
   * Generates a new cosigner key from the caller's randomness.
   *
   * @throws MalformedDataException if the name breaks the key name rules
   */
  public static Ed25519CosignatureSigner generate(String name, SecureRandom random, Clock clock)
      throws MalformedDataException {
    return of(name, Ed25519PrivateKey.generate(random), clock);
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

  /** Cosigns {@code text} at the clock's current second. */
  @Override
  public byte[] sign(byte[] text) {
    long now = clock.instant().getEpochSecond();
    if (now < 0) {
      throw new IllegalStateException("clock is before the Epoch: " + clock.instant());
    }
    return sign(text, now);
  }

  /**
   * Cosigns the checkpoint note {@code text} as of {@code timestamp} and returns the 72-byte {@code
   * timestamped_signature}.
   *
   * @throws IllegalArgumentException if {@code timestamp} is negative
   */
  public byte[] sign(byte[] text, long timestamp) {
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp " + timestamp + " is negative");
    }
    byte[] signature =
        Ed25519Signatures.sign(key.privateKey(), Cosignature.signedMessage(timestamp, text));
    return new Cosignature(key.name(), key.keyId(), timestamp, signature).encode();
  }

  @Override
  public Ed25519CosignatureVerifier verifier() {
    return verifier;
  }

  @Override
  public String toString() {
    return "Ed25519CosignatureSigner[" + key.verifierKey().text() + "]";
  }
}
