package org.markproof.contracts.entry;

import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519Signatures;

/** Signs statements into {@link SignedEntry} envelopes. */
public final class EntrySigner {
  private EntrySigner() {}

  /**
   * Signs the canonical bytes of {@code statement} with {@code key} (Ed25519, RFC 8032 §5.1.6,
   * deterministic) and names the key by its {@link KeyId}.
   */
  public static SignedEntry sign(Statement statement, Ed25519PrivateKey key) {
    byte[] signature = Ed25519Signatures.sign(key, StatementCodec.canonicalBytes(statement));
    return SignedEntry.of(statement, KeyId.of(key.publicKey()), signature);
  }
}
