package org.markproof.contracts.rules;

import java.util.List;
import java.util.Optional;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ParticipantRevoked;
import org.markproof.contracts.entry.ParticipantRole;

/**
 * Enrolment, key rotation and revocation (operators only, see {@link Permissions}): ids and keys
 * are unique forever, and the last active operator cannot be revoked.
 */
final class ParticipantRules {
  private ParticipantRules() {}

  static void validate(RuleContext c, ParticipantEnrolled s) {
    if (!c.state().hasParticipants()) {
      return; // the genesis entry: Authentication checks it
    }
    if (c.state().participant(s.participant()).isPresent()) {
      c.add(
          ViolationCode.PARTICIPANT_DUPLICATE,
          "statement.participant",
          "participant " + s.participant() + " is already enrolled");
    }
    requireFreshKey(c, s.publicKey());
  }

  static void validate(RuleContext c, ParticipantKeyRotated s) {
    knownActive(c, s.participant());
    requireFreshKey(c, s.publicKey());
  }

  static void validate(RuleContext c, ParticipantRevoked s) {
    Optional<ParticipantRecord> p = knownActive(c, s.participant());
    if (p.isPresent()
        && p.get().role() instanceof ParticipantRole.Operator
        && c.state().activeOperators() <= 1) {
      c.add(
          ViolationCode.LAST_OPERATOR,
          "statement.participant",
          s.participant() + " is the last active operator");
    }
  }

  static Tables apply(Tables t, ParticipantEnrolled s, EntryRef at) {
    KeyPeriod key = new KeyPeriod(KeyId.of(s.publicKey()), s.publicKey(), at, Optional.empty());
    ParticipantRecord p =
        new ParticipantRecord(
            s.participant(), s.displayName(), s.role(), List.of(key), at, Optional.empty());
    return t.withParticipant(p, s.role() instanceof ParticipantRole.Operator ? 1 : 0);
  }

  static Tables apply(Tables t, ParticipantKeyRotated s, EntryRef at) {
    ParticipantRecord p = t.participants.get(s.participant());
    return t.withParticipant(p.withKey(s.publicKey(), at), 0);
  }

  static Tables apply(Tables t, ParticipantRevoked s, EntryRef at) {
    ParticipantRecord p = t.participants.get(s.participant());
    return t.withParticipant(
        p.revokedBy(at), p.role() instanceof ParticipantRole.Operator ? -1 : 0);
  }

  private static Optional<ParticipantRecord> knownActive(RuleContext c, String id) {
    Optional<ParticipantRecord> p = c.state().participant(id);
    if (p.isEmpty()) {
      c.add(ViolationCode.PARTICIPANT_UNKNOWN, "statement.participant", "no participant " + id);
      return Optional.empty();
    }
    if (!p.get().isActive()) {
      c.add(
          ViolationCode.PARTICIPANT_REVOKED,
          "statement.participant",
          "participant " + id + " is already revoked");
      return Optional.empty();
    }
    return p;
  }

  private static void requireFreshKey(RuleContext c, Ed25519PublicKey key) {
    KeyId id = KeyId.of(key);
    c.state()
        .participantByKey(id)
        .ifPresent(
            owner ->
                c.add(
                    ViolationCode.KEY_ALREADY_USED,
                    "statement.publicKey",
                    "key " + id + " was already enrolled for " + owner.id()));
  }
}
