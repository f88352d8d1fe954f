package org.markproof.service.custody;

import java.util.Arrays;

/**
 * One row of {@code custodial_key}: a participant's Ed25519 key held by the service, its public
 * half in clear and its seed sealed ({@link SealedSeed}).
 *
 * @param keyId the {@code KeyId} (RFC 7638 thumbprint) of the public key
 */
public record StoredKey(String participant, String keyId, byte[] publicKey, SealedSeed sealed) {
  public StoredKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredKey other
        && participant.equals(other.participant)
        && keyId.equals(other.keyId)
        && Arrays.equals(publicKey, other.publicKey)
        && sealed.equals(other.sealed);
  }

  @Override
  public int hashCode() {
    return participant.hashCode() * 31 + keyId.hashCode();
  }

  @Override
  public String toString() {
    return "StoredKey[" + participant + ", " + keyId + ", " + sealed + "]";
  }
}
