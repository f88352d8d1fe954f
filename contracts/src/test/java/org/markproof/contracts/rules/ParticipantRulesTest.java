package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ParticipantRevoked;
import org.markproof.contracts.entry.ParticipantRole;

class ParticipantRulesTest {
  @Test
  void operatorEnrolsAParticipantFoundByIdAndKey() {
    TestLedger ledger = TestLedger.standard();
    KeyId acmeKey = KeyId.of(TestLedger.key("acme", 0).publicKey());
    assertEquals("acme", ledger.state.participantByKey(acmeKey).orElseThrow().id());
    assertTrue(
        ledger.state.participant("acme").orElseThrow().isActive(ParticipantRole.BrandOwner.class));
  }

  @Test
  void duplicateParticipantIdIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        new ParticipantEnrolled(
            "op",
            "acme",
            "Acme again",
            new ParticipantRole.BrandOwner(),
            TestLedger.key("acme-b", 0).publicKey()),
        ViolationCode.PARTICIPANT_DUPLICATE);
  }

  @Test
  void reusedKeyIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        new ParticipantEnrolled(
            "op",
            "acme-2",
            "Acme 2",
            new ParticipantRole.BrandOwner(),
            TestLedger.key("acme", 0).publicKey()),
        ViolationCode.KEY_ALREADY_USED);
  }

  @Test
  void operatorRotatesAKeyAndTheOldPeriodEnds() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(new ParticipantKeyRotated("op", "acme", ledger.nextKey("acme").publicKey()));
    ParticipantRecord acme = ledger.state.participant("acme").orElseThrow();
    assertEquals(2, acme.keys().size());
    assertFalse(acme.keys().get(0).isCurrent());
    assertEquals(
        KeyId.of(ledger.keyOf("acme").publicKey()), acme.currentKey().orElseThrow().keyId());
  }

  @Test
  void rotatingBackToAnOldKeyIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(new ParticipantKeyRotated("op", "acme", ledger.nextKey("acme").publicKey()));
    ledger.assertRejected(
        new ParticipantKeyRotated("op", "acme", TestLedger.key("acme", 0).publicKey()),
        ViolationCode.KEY_ALREADY_USED);
  }

  @Test
  void rotatingTheKeyOfAnUnknownParticipantIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        new ParticipantKeyRotated("op", "nobody", TestLedger.key("nobody", 1).publicKey()),
        ViolationCode.PARTICIPANT_UNKNOWN);
  }

  @Test
  void brandOwnerCannotRotateItsOwnKey() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        new ParticipantKeyRotated("acme", "acme", ledger.nextKey("acme").publicKey()),
        ViolationCode.SUBMITTER_ROLE_NOT_ALLOWED);
  }

  @Test
  void revokingARevokedParticipantIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(new ParticipantRevoked("op", "globex"));
    assertFalse(ledger.state.participant("globex").orElseThrow().isActive());
    ledger.assertRejected(
        new ParticipantRevoked("op", "globex"), ViolationCode.PARTICIPANT_REVOKED);
  }

  @Test
  void lastOperatorCannotBeRevokedButOneOfTwoCan() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(new ParticipantRevoked("op", "op"), ViolationCode.LAST_OPERATOR);
    ledger.enrol("op-2", new ParticipantRole.Operator());
    ledger.apply(new ParticipantRevoked("op-2", "op"));
    assertEquals(1, ledger.state.activeOperators());
  }
}
