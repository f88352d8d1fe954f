package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.crypto.VerifiedSignatures;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.KeyId;
import org.markproof.contracts.entry.ParticipantEnrolled;
import org.markproof.contracts.entry.ParticipantKeyRotated;
import org.markproof.contracts.entry.ParticipantRevoked;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;

class AuthenticationRulesTest {
  @Test
  void genesisIsAnOperatorEnrollingItself() {
    TestLedger ledger = TestLedger.withOperator();
    assertEquals(1, ledger.state.size());
    assertTrue(
        ledger.state.participant("op").orElseThrow().isActive(ParticipantRole.Operator.class));
  }

  @Test
  void genesisByABrandOwnerIsRejected() {
    TestLedger empty = new TestLedger();
    empty.assertRejected(
        new ParticipantEnrolled(
            "acme",
            "acme",
            "Acme",
            new ParticipantRole.BrandOwner(),
            TestLedger.key("acme", 0).publicKey()),
        ViolationCode.GENESIS_NOT_OPERATOR_SELF_ENROLMENT);
  }

  @Test
  void genesisSignedByAnotherKeyIsRejected() {
    TestLedger empty = new TestLedger();
    ParticipantEnrolled genesis =
        new ParticipantEnrolled(
            "op", "op", "Ops", new ParticipantRole.Operator(), TestLedger.key("op", 0).publicKey());
    empty.assertRejected(
        EntrySigner.sign(genesis, TestLedger.key("mallory", 0)),
        ViolationCode.GENESIS_NOT_OPERATOR_SELF_ENROLMENT);
  }

  @Test
  void unknownSubmitterIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        product("mallory", SHOE, EM_MARK),
        ViolationCode.SUBMITTER_UNKNOWN,
        ViolationCode.KEY_UNKNOWN,
        ViolationCode.REGISTRANT_NOT_ENTITLED);
  }

  @Test
  void revokedKeyCannotSign() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(new ParticipantRevoked("op", "globex"));
    ledger.assertRejected(
        product("globex", SHOE, EM_MARK),
        ViolationCode.SUBMITTER_REVOKED,
        ViolationCode.REGISTRANT_NOT_ENTITLED);
  }

  @Test
  void rotatedAwayKeyCannotSignButTheNewKeyCan() {
    TestLedger ledger = TestLedger.standard();
    SignedEntry withOldKey = ledger.sign(product("acme", SHOE, EM_MARK));
    ledger.apply(new ParticipantKeyRotated("op", "acme", ledger.nextKey("acme").publicKey()));
    ledger.assertRejected(withOldKey, ViolationCode.KEY_ROTATED);
    ledger.apply(product("acme", SHOE, EM_MARK));
  }

  @Test
  void keyOfAnotherParticipantIsRejected() {
    TestLedger ledger = TestLedger.standard();
    SignedEntry signedByGlobex =
        EntrySigner.sign(product("acme", SHOE, EM_MARK), ledger.keyOf("globex"));
    ledger.assertRejected(signedByGlobex, ViolationCode.KEY_NOT_SUBMITTERS);
  }

  @Test
  void forgedSignatureIsRejected() {
    TestLedger ledger = TestLedger.standard();
    SignedEntry honest = ledger.sign(product("acme", SHOE, EM_MARK));
    ledger.assertRejected(forged(honest, 5), ViolationCode.SIGNATURE_INVALID);
  }

  @Test
  void aSignatureMemoChangesNoVerdict() throws Exception {
    TestLedger ledger = TestLedger.standard();
    VerifiedSignatures memo = new VerifiedSignatures(4);
    SignedEntry honest = ledger.sign(product("acme", SHOE, EM_MARK));
    SignedEntry forged = forged(honest, 5);

    assertEquals(List.of(), Rules.validate(ledger.state, honest, ledger.now, memo));
    assertTrue(
        memo.remembers(
            ledger.keyOf("acme").publicKey(), honest.statementBytes(), honest.signature()));
    assertEquals(
        List.of(ViolationCode.SIGNATURE_INVALID),
        Rules.validate(ledger.state, forged, ledger.now, memo).stream()
            .map(Violation::code)
            .toList());
    assertEquals(
        Rules.apply(ledger.state, honest, ledger.now).size(),
        Rules.apply(ledger.state, honest, ledger.now, memo).size());
  }

  @Test
  void verifyingAheadRemembersOnlyWhatVerifiesWithAKnownKey() throws Exception {
    TestLedger ledger = TestLedger.standard();
    VerifiedSignatures memo = new VerifiedSignatures(64);
    SignedEntry honest = ledger.sign(product("acme", SHOE, EM_MARK));
    SignedEntry forged = forged(honest, 9);
    var key = ledger.keyOf("acme").publicKey();

    Rules.verifyAhead(LedgerState.empty(), honest, memo);
    assertFalse(memo.remembers(key, honest.statementBytes(), honest.signature()), "key unknown");
    Rules.verifyAhead(ledger.state, forged, memo);
    assertFalse(memo.remembers(key, forged.statementBytes(), forged.signature()));
    Rules.verifyAhead(ledger.state, honest, memo);
    assertTrue(memo.remembers(key, honest.statementBytes(), honest.signature()));
    assertEquals(
        List.of(ViolationCode.SIGNATURE_INVALID),
        Rules.validate(ledger.state, forged, ledger.now, memo).stream()
            .map(Violation::code)
            .toList());
  }

  @Test
  void entryNamingAnUnknownKeyIsRejected() {
    TestLedger ledger = TestLedger.standard();
    SignedEntry entry = ledger.sign(product("acme", SHOE, EM_MARK));
    KeyId unknown = KeyId.of(TestLedger.key("nobody", 0).publicKey());
    ledger.assertRejected(
        SignedEntry.of(entry.statement(), unknown, entry.signature()), ViolationCode.KEY_UNKNOWN);
  }

  @Test
  void entryTimeCannotGoBackwards() {
    TestLedger ledger = TestLedger.standard();
    ledger.now = ledger.now.minusSeconds(1);
    ledger.assertRejected(product("acme", SHOE, EM_MARK), ViolationCode.TIME_BEFORE_PREVIOUS_ENTRY);
  }

  @Test
  void brandOwnerCannotEnrolParticipants() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        new ParticipantEnrolled(
            "acme",
            "acme-2",
            "Acme 2",
            new ParticipantRole.BrandOwner(),
            TestLedger.key("acme-2", 0).publicKey()),
        ViolationCode.SUBMITTER_ROLE_NOT_ALLOWED);
  }

  @Test
  void violationsNameTheFieldAtFault() {
    TestLedger ledger = TestLedger.standard();
    ledger.now = Instant.parse("2026-01-09T00:00:00Z");
    List<Violation> violations = ledger.validate(product("acme", SHOE, EM_MARK));
    assertEquals(
        List.of(
            new Violation(
                ViolationCode.TIME_BEFORE_PREVIOUS_ENTRY,
                "time",
                "entry time 2026-01-09T00:00:00Z is before the previous entry's 2026-01-10T10:00:00Z")),
        violations);
  }

  /** {@code honest} with one bit of its signature's byte {@code at} flipped. */
  private static SignedEntry forged(SignedEntry honest, int at) {
    byte[] signature = honest.signature();
    signature[at] ^= 1;
    return SignedEntry.of(honest.statement(), honest.keyId(), signature);
  }
}
