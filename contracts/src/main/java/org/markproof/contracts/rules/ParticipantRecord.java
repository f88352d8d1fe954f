package org.markproof.contracts.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.ParticipantRole;

/**
 * An enrolled participant: its role, every key it ever had (oldest first) and its revocation, if
 * any.
 */
public record ParticipantRecord(
    String id,
    String displayName,
    ParticipantRole role,
    List<KeyPeriod> keys,
    EntryRef enrolled,
    Optional<EntryRef> revoked) {
  public ParticipantRecord {
    keys = List.copyOf(keys);
  }

  /** Whether the participant may still sign. */
  public boolean isActive() {
    return revoked.isEmpty();
  }

  /** The key that signs for the participant now, unless it was revoked. */
  public Optional<KeyPeriod> currentKey() {
    KeyPeriod last = keys.get(keys.size() - 1);
    return last.isCurrent() ? Optional.of(last) : Optional.empty();
  }

  /** The period of key {@code keyId}, if it ever was this participant's. */
  public Optional<KeyPeriod> key(KeyId keyId) {
    return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
  }

  /** Whether the participant is active in {@code role}'s type (operator, registrar, …). */
  public boolean isActive(Class<? extends ParticipantRole> roleType) {
    return isActive() && roleType.isInstance(role);
  }

  ParticipantRecord withKey(Ed25519PublicKey key, EntryRef at) {
    List<KeyPeriod> next = new ArrayList<>(keys);
    next.set(next.size() - 1, next.get(next.size() - 1).endedBy(at));
    next.add(new KeyPeriod(KeyId.of(key), key, at, Optional.empty()));
    return new ParticipantRecord(id, displayName, role, next, enrolled, revoked);
  }

  ParticipantRecord revokedBy(EntryRef at) {
    List<KeyPeriod> next = new ArrayList<>(keys);
    next.set(next.size() - 1, next.get(next.size() - 1).endedBy(at));
    return new ParticipantRecord(id, displayName, role, next, enrolled, Optional.of(at));
  }
}
