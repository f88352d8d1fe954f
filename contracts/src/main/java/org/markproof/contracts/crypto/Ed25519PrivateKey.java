package org.markproof.contracts.crypto;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.markproof.contracts.MalformedDataException;

/**
 * An Ed25519 private key held as its 32-byte seed (RFC 8032 §5.1.5), with its public key derived
 * once. {@link #toString()} never prints the seed.
 */
public final class Ed25519PrivateKey {
  private final byte[] seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(byte[] seed, Ed25519PublicKey publicKey) {
    this.seed = seed;
    this.publicKey = publicKey;
  }

  /**
   * Wraps a 32-byte seed.
   *
   * @throws MalformedDataException if {@code seed} is not 32 bytes
   */
  public static Ed25519PrivateKey fromSeed(byte[] seed) throws MalformedDataException {
    if (seed == null || seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new MalformedDataException(
          "Ed25519 seed: got "
              + (seed == null ? "nothing" : seed.length + " bytes")
              + ", expected "
              + Ed25519.SECRET_KEY_SIZE);
    }
    byte[] copy = seed.clone();
    byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(copy, 0, pub, 0);
    return new Ed25519PrivateKey(copy, Ed25519PublicKey.of(pub));
  }

  /** Generates a fresh key from the caller's randomness source. */
  public static Ed25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    try {
      return fromSeed(seed);
    } catch (MalformedDataException e) {
      throw new AssertionError("a 32-byte seed is always well formed", e);
    }
  }

  /** The 32-byte seed. Handle with care. */
  public byte[] seed() {
    return seed.clone();
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  byte[] seedRef() {
    return seed;
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey[public=" + publicKey + "]";
  }
}
