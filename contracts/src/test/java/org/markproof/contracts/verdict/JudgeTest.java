package org.markproof.contracts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.assign;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.Statements.revokeBatch;
import static org.markproof.contracts.rules.Statements.revokeLabels;
import static org.markproof.contracts.rules.Statements.status;
import static org.markproof.contracts.rules.Statements.terminate;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.contracts.entry.TrademarkStatus;
import org.markproof.contracts.label.ScannedCode;
import org.markproof.contracts.rules.TestLedger;

class JudgeTest {
  private final VerdictLedger l = new VerdictLedger();

  private static Set<EvidenceRole> roles(Judgement j) {
    return j.evidence().keySet();
  }

  @Test
  void aLabelSignedWithItsBatchKeyIsGenuineAndReliesOnBatchProductAndMark() {
    Judgement j = l.judge(VerdictLedger.label("L1", "SER0001"));
    assertEquals(VerdictCode.GENUINE, j.verdict());
    assertEquals(
        List.of(ReasonCode.LABEL_SIGNATURE_VALID, ReasonCode.ISSUED_BY_HOLDER), j.reasons());
    assertEquals(Set.of(EvidenceRole.BATCH, EvidenceRole.PRODUCT, EvidenceRole.MARK), roles(j));
    assertEquals("acme", j.holder().orElseThrow().id());
    assertEquals("L1", j.batch().orElseThrow().issue().batch());
    assertEquals(TrademarkStatus.REGISTERED, j.status().orElseThrow().status());
    assertTrue(j.licensee().isEmpty());
  }

  @Test
  void aLabelSignedWithAnotherKeyIsCounterfeit() {
    Judgement j = l.judge(VerdictLedger.label(TestLedger.key("forger", 0), "L1", "SER0001"));
    assertEquals(VerdictCode.COUNTERFEIT, j.verdict());
    assertEquals(ReasonCode.SIGNATURE_INVALID, j.decisiveReason());
    assertTrue(roles(j).contains(EvidenceRole.BATCH));
  }

  @Test
  void anUnsignedLabelOfAKnownBatchIsCounterfeit() {
    Judgement j = l.judge("https://id.acme.example/01/" + SHOE.digits() + "/10/L1/21/SER0001");
    assertEquals(VerdictCode.COUNTERFEIT, j.verdict());
    assertEquals(ReasonCode.SIGNATURE_MISSING, j.decisiveReason());
  }

  @Test
  void aSignedLabelOfAnUnknownBatchIsCounterfeitAndAnUnsignedOneUnknown() {
    Judgement signed = l.judge(VerdictLedger.label("L9", "SER0001"));
    assertEquals(VerdictCode.COUNTERFEIT, signed.verdict());
    assertEquals(
        List.of(ReasonCode.BATCH_UNKNOWN, ReasonCode.PRODUCT_REGISTERED), signed.reasons());
    Judgement unsigned =
        l.judge("https://id.acme.example/01/" + SHOE.digits() + "/10/L9/21/SER0001");
    assertEquals(VerdictCode.UNKNOWN, unsigned.verdict());
    assertEquals(ReasonCode.UNSIGNED_CODE, unsigned.decisiveReason());
  }

  @Test
  void aPlainEanTellsTheProductsRegistrationButNotTheItem() {
    Judgement registered = l.judge(SHOE.digits().substring(1));
    assertEquals(VerdictCode.UNKNOWN, registered.verdict());
    assertEquals(
        List.of(ReasonCode.GTIN_ONLY, ReasonCode.PRODUCT_REGISTERED), registered.reasons());
    assertEquals(Set.of(EvidenceRole.PRODUCT, EvidenceRole.MARK), roles(registered));
    assertEquals("Running shoe", registered.product().orElseThrow().registration().description());

    Judgement unregistered = l.judge("4006381333931");
    assertEquals(VerdictCode.UNKNOWN, unregistered.verdict());
    assertEquals(List.of(ReasonCode.GTIN_ONLY, ReasonCode.PRODUCT_UNKNOWN), unregistered.reasons());
    assertTrue(unregistered.evidence().isEmpty());
  }

  @Test
  void textThatIsNoCodeIsMalformedWithTheParsersReason() {
    for (String text : List.of("hello", "'; DROP TABLE scans; --", "https://x.example/01/123")) {
      Judgement j = l.judge(text);
      assertEquals(VerdictCode.MALFORMED, j.verdict(), text);
      assertTrue(j.detail().isPresent() && !j.detail().get().isBlank(), text);
      assertTrue(j.evidence().isEmpty());
    }
  }

  @Test
  void aRevokedSerialIsRevokedEvenWithABadSignature() {
    l.ledger.apply(revokeLabels("acme", SHOE, "L1", "SER0002"));
    Judgement j = l.judge(VerdictLedger.label("L1", "SER0002"));
    assertEquals(VerdictCode.REVOKED, j.verdict());
    assertEquals(ReasonCode.LABEL_REVOKED, j.decisiveReason());
    assertTrue(roles(j).contains(EvidenceRole.REVOCATION));

    Judgement forged = l.judge(VerdictLedger.label(TestLedger.key("forger", 0), "L1", "SER0002"));
    assertEquals(VerdictCode.REVOKED, forged.verdict());
    assertTrue(forged.reasons().contains(ReasonCode.SIGNATURE_INVALID));

    assertEquals(VerdictCode.GENUINE, l.judge(VerdictLedger.label("L1", "SER0003")).verdict());
  }

  @Test
  void aRevokedBatchRevokesEverySerial() {
    l.ledger.apply(revokeBatch("acme", SHOE, "L1"));
    Judgement j = l.judge(VerdictLedger.label("L1", "ANY1"));
    assertEquals(VerdictCode.REVOKED, j.verdict());
    assertEquals(ReasonCode.BATCH_REVOKED, j.decisiveReason());
  }

  @Test
  void aLaterAssignmentDoesNotMakeOlderGoodsCounterfeit() {
    l.ledger.setDate("2026-02-01");
    l.ledger.apply(assign("ipo-em", EM_MARK, "globex", "2026-02-01"));
    Judgement j = l.judge(VerdictLedger.label("L1", "SER0001"));
    assertEquals(VerdictCode.GENUINE, j.verdict());
    assertEquals("acme", j.holder().orElseThrow().id());
    assertTrue(!roles(j).contains(EvidenceRole.HOLDER));
  }

  @Test
  void goodsOfTheNewHolderRelyOnTheAssignment() {
    l.ledger.setDate("2026-02-01");
    l.ledger.apply(assign("ipo-em", EM_MARK, "globex", "2026-02-01"));
    l.ledger.apply(batch("globex", SHOE, "G1", "2026-02-02"));
    Judgement j = l.judge(VerdictLedger.label("G1", "SER0001"));
    assertEquals(VerdictCode.GENUINE, j.verdict());
    assertEquals("globex", j.holder().orElseThrow().id());
    assertTrue(roles(j).contains(EvidenceRole.HOLDER));
  }

  @Test
  void goodsIssuedUnderALicenseStayGenuineAfterItEnds() {
    l.ledger.apply(license("acme", "LIC-1", "initech", EM_MARK, "2026-01-01", "2027-01-01"));
    l.ledger.apply(batch("initech", SHOE, "I1", "2026-01-10"));
    l.ledger.setDate("2026-03-01");
    l.ledger.apply(terminate("acme", "LIC-1", "2026-03-01"));
    Judgement j = l.judge(VerdictLedger.label("I1", "SER0001"));
    assertEquals(VerdictCode.GENUINE, j.verdict());
    assertEquals(ReasonCode.ISSUED_UNDER_LICENSE, j.reasons().get(1));
    assertEquals("initech", j.licensee().orElseThrow().id());
    assertEquals("LIC-1", j.license().orElseThrow().id());
    assertTrue(roles(j).contains(EvidenceRole.LICENSE));
  }

  @Test
  void anInvalidatedMarkMakesItsGoodsNotAuthorised() {
    l.ledger.setDate("2026-04-01");
    l.ledger.apply(status("ipo-em", EM_MARK, TrademarkStatus.INVALIDATED, null, "2026-04-01"));
    Judgement j = l.judge(VerdictLedger.label("L1", "SER0001"));
    assertEquals(VerdictCode.NOT_AUTHORIZED, j.verdict());
    assertEquals(ReasonCode.MARK_INVALIDATED, j.decisiveReason());
    assertEquals(TrademarkStatus.INVALIDATED, j.status().orElseThrow().status());
    assertTrue(roles(j).contains(EvidenceRole.STATUS));
  }

  @Test
  void aPostOutsideTheProductsTerritoriesMakesItNotAuthorised() {
    ScannedCode code = ScannedCode.parse(VerdictLedger.label("L1", "SER0001"));
    Judgement australia =
        Judge.judge(l.ledger.state, code, new ScanContext(Optional.of(OfficeCode.of("AU"))));
    assertEquals(VerdictCode.NOT_AUTHORIZED, australia.verdict());
    assertEquals(ReasonCode.TERRITORY_NOT_COVERED, australia.decisiveReason());
    Judgement germany =
        Judge.judge(l.ledger.state, code, new ScanContext(Optional.of(OfficeCode.of("DE"))));
    assertEquals(VerdictCode.GENUINE, germany.verdict(), "an EU mark covers Germany");
  }

  @Test
  void cloneFindingsTurnOnlyGenuineVerdictsIntoSuspectClones() {
    CloneDetector.Finding finding =
        new CloneDetector.Finding(
            ReasonCode.SEEN_TOO_OFTEN,
            List.of(new Sighting("s1", "FR-CDG", 49, 2.5, l.ledger.now)));
    Judgement genuine = l.judge(VerdictLedger.label("L1", "SER0001"));
    Judgement clone = genuine.withClones(Optional.of(finding));
    assertEquals(VerdictCode.SUSPECT_CLONE, clone.verdict());
    assertEquals(ReasonCode.SEEN_TOO_OFTEN, clone.decisiveReason());
    assertEquals(1, clone.sightings().size());
    assertEquals(genuine.evidence(), clone.evidence());

    Judgement forged = l.judge(VerdictLedger.label(TestLedger.key("x", 0), "L1", "SER0001"));
    assertEquals(VerdictCode.COUNTERFEIT, forged.withClones(Optional.of(finding)).verdict());
  }

  @Test
  void theSameStateGivesTheSameJudgementAfterAReplay() throws Exception {
    l.ledger.apply(revokeLabels("acme", SHOE, "L1", "SER0002"));
    String text = VerdictLedger.label("L1", "SER0002");
    Judgement live = l.judge(text);
    Judgement replayed =
        Judge.judge(l.ledger.replay(), ScannedCode.parse(text), ScanContext.anywhere());
    assertEquals(live, replayed);
  }
}
