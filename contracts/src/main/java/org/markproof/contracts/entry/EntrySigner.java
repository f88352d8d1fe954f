package org.markproof.contracts.entry;

import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.VerifiedSignatures;

/** Signs statements into {@link SignedEntry} envelopes. */
public final class EntrySigner {
  private EntrySigner() {}

  /**
   * Signs the canonical bytes of {@code statement} with {@code key} (Ed25519, RFC 8032 §5.1.6,
   * deterministic) and names the key by its {@link KeyId}.
   */
  public static SignedEntry sign(Statement statement, Ed25519PrivateKey key) {
    return sign(statement, key, VerifiedSignatures.none());
  }

  /**
   * As {@link #sign(Statement, Ed25519PrivateKey)}, remembering the signature in {@code memo} as
   * verified ({@link VerifiedSignatures#sign}), so that the process which signed the entry does not
   * verify it again when the entry comes back to it.
   */
  public static SignedEntry sign(
      Statement statement, Ed25519PrivateKey key, VerifiedSignatures memo) {
    return SignedEntry.signed(statement, KeyId.of(key.publicKey()), bytes -> memo.sign(key, bytes));
  }
}
