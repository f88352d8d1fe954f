package org.markproof.service.custody;

import java.util.Arrays;

/**
 * One row of {@code custodial_label_key} (V7__custodial_label_keys.sql): the Ed25519 key the
 * service holds to sign the labels of batch {@code batch} of {@code gtin} issued by {@code issuer},
 * its public half in clear and its seed sealed ({@link SealedSeed}).
 *
 * @param gtin the GTIN-14 digits
 * @param keyId the {@code KeyId} (RFC 7638 thumbprint) of the public key
 */
public record StoredLabelKey(
    String issuer, String gtin, String batch, String keyId, byte[] publicKey, SealedSeed sealed) {
  public StoredLabelKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Names the row in messages: batch and issuer, never key material. */
  String describe() {
    return "label key of batch " + gtin + "/" + batch + " issued by " + issuer + " (" + keyId + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredLabelKey other
        && issuer.equals(other.issuer)
        && gtin.equals(other.gtin)
        && batch.equals(other.batch)
        && keyId.equals(other.keyId)
        && Arrays.equals(publicKey, other.publicKey)
        && sealed.equals(other.sealed);
  }

  @Override
  public int hashCode() {
    return (gtin.hashCode() * 31 + batch.hashCode()) * 31 + issuer.hashCode();
  }

  @Override
  public String toString() {
    return "StoredLabelKey["
        + gtin
        + "/"
        + batch
        + ", "
        + issuer
        + ", "
        + keyId
        + ", "
        + sealed
        + "]";
  }
}
