package org.markproof.service.custody;

import java.util.Arrays;

/**
 * An Ed25519 seed sealed with AES-256-GCM: the id of the master key it is sealed under, the 96-bit
 * nonce (NIST SP 800-38D §8.2.2, random) and the ciphertext with its 128-bit tag appended (48 bytes
 * for a 32-byte seed). Safe to store and to log: it reveals nothing without the master key.
 */
public record SealedSeed(String masterKeyId, byte[] nonce, byte[] ciphertext) {
  public SealedSeed {
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedSeed other
        && masterKeyId.equals(other.masterKeyId)
        && Arrays.equals(nonce, other.nonce)
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return masterKeyId.hashCode() * 31 + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedSeed[masterKey=" + masterKeyId + "]";
  }
}
