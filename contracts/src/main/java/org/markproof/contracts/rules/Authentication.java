package org.markproof.contracts.rules;

import java.util.Optional;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.crypto.SignatureVerificationException;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.entry.Statement;

/**
 * Who may sign: the entry's key must be the submitter's current key, the submitter enrolled and not
 * revoked, the signature valid over the statement's canonical bytes, and the submitter's role
 * allowed to make this kind of statement ({@link Permissions}). On an empty ledger the only
 * acceptable entry is an operator enrolling itself, signed by the key it enrols.
 */
final class Authentication {
  private Authentication() {}

  static void check(RuleContext c, SignedEntry entry) {
    c.state()
        .lastTime()
        .filter(last -> c.time().isBefore(last))
        .ifPresent(
            last ->
                c.add(
                    ViolationCode.TIME_BEFORE_PREVIOUS_ENTRY,
                    "time",
                    "entry time " + c.time() + " is before the previous entry's " + last));
    if (!c.state().hasParticipants()) {
      checkGenesis(c, entry);
      return;
    }
    Statement s = entry.statement();
    Optional<ParticipantRecord> submitter = c.submitter(s);
    if (submitter.isEmpty()) {
      c.add(
          ViolationCode.SUBMITTER_UNKNOWN,
          "statement.submitter",
          "no participant " + s.submitter());
    } else if (!submitter.get().isActive()) {
      c.add(
          ViolationCode.SUBMITTER_REVOKED,
          "statement.submitter",
          "participant "
              + s.submitter()
              + " was revoked at entry "
              + submitter.get().revoked().get().index());
    }
    submitter.ifPresent(p -> Permissions.check(c, s, p.role()));
    Optional<ParticipantRecord> owner = c.state().participantByKey(entry.keyId());
    if (owner.isEmpty()) {
      c.add(ViolationCode.KEY_UNKNOWN, "keyId", "no participant ever had key " + entry.keyId());
      return;
    }
    KeyPeriod key = owner.get().key(entry.keyId()).orElseThrow();
    if (!owner.get().id().equals(s.submitter())) {
      c.add(
          ViolationCode.KEY_NOT_SUBMITTERS,
          "keyId",
          "key " + entry.keyId() + " belongs to " + owner.get().id() + ", not " + s.submitter());
    } else if (!key.isCurrent() && owner.get().isActive()) {
      c.add(
          ViolationCode.KEY_ROTATED,
          "keyId",
          "key " + entry.keyId() + " was rotated away at entry " + key.until().get().index());
    }
    verify(c, entry, key.publicKey());
  }

  private static void checkGenesis(RuleContext c, SignedEntry entry) {
    if (entry.statement() instanceof ParticipantEnrolled enrolled
        && enrolled.role() instanceof ParticipantRole.Operator
        && enrolled.participant().equals(enrolled.submitter())
        && KeyId.of(enrolled.publicKey()).equals(entry.keyId())) {
      verify(c, entry, enrolled.publicKey());
      return;
    }
    c.add(
        ViolationCode.GENESIS_NOT_OPERATOR_SELF_ENROLMENT,
        "statement",
        "the first entry must be an operator enrolling itself, signed with the key it enrols");
  }

  private static void verify(RuleContext c, SignedEntry entry, Ed25519PublicKey key) {
    try {
      entry.verify(key, c.signatures());
    } catch (SignatureVerificationException e) {
      c.add(ViolationCode.SIGNATURE_INVALID, "signature", e.getMessage());
    }
  }
}
