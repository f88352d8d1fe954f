package org.markproof.contracts.rules;

import java.util.Optional;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.KeyId;

/**
 * One signing key of a participant and when it was valid: from the entry that enrolled or rotated
 * it in, until the entry that rotated it out or revoked the participant (empty while current).
 */
public record KeyPeriod(
    KeyId keyId, Ed25519PublicKey publicKey, EntryRef from, Optional<EntryRef> until) {
  /** Whether the key still signs: it has been neither rotated away nor revoked. */
  public boolean isCurrent() {
    return until.isEmpty();
  }

  KeyPeriod endedBy(EntryRef end) {
    return new KeyPeriod(keyId, publicKey, from, Optional.of(end));
  }
}
