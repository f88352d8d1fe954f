package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.SOAP;
import static org.markproof.contracts.rules.Statements.assign;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.Statements.terminate;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.TrademarkStatus;

class BatchRulesTest {
  private static TestLedger withProduct() {
    return TestLedger.standard().apply(product("acme", SHOE, EM_MARK));
  }

  private static TestLedger withLicense() {
    return withProduct()
        .apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"));
  }

  @Test
  void holderIssuesABatchFoundWithItsLabelKey() {
    TestLedger ledger = withProduct().apply(batch("acme", SHOE, "L1", "2026-01-10"));
    BatchRecord batch = ledger.state.batch(SHOE, "L1").orElseThrow();
    assertEquals("acme", batch.issuer());
    assertEquals(TestLedger.key("label-L1", 0).publicKey(), batch.labelKey());
    assertEquals(Optional.empty(), batch.license());
    assertInstanceOf(Entitlement.AsHolder.class, ledger.state.entitlementOf(batch).orElseThrow());
  }

  @Test
  void licenseeIssuesABatchWithinItsTerm() {
    TestLedger ledger = withLicense().apply(batch("initech", SHOE, "L1", "2026-01-10"));
    BatchRecord batch = ledger.state.batch(SHOE, "L1").orElseThrow();
    assertEquals(Optional.of("lic-1"), batch.license());
    assertInstanceOf(Entitlement.AsLicensee.class, ledger.state.entitlementOf(batch).orElseThrow());
  }

  @Test
  void batchIssuedAfterLicenseEndedIsRejected() {
    TestLedger ledger = withLicense();
    ledger.setDate("2028-01-05");
    ledger.assertRejected(
        batch("initech", SHOE, "L1", "2028-01-05"), ViolationCode.ISSUER_NOT_ENTITLED);
  }

  @Test
  void terminatedLicenseStopsNewBatchesButNotOldOnes() {
    TestLedger ledger = withLicense().apply(batch("initech", SHOE, "L1", "2026-01-10"));
    ledger.apply(terminate("acme", "lic-1", "2026-02-01"));
    ledger.setDate("2026-02-02");
    ledger.assertRejected(
        batch("initech", SHOE, "L2", "2026-02-02"), ViolationCode.ISSUER_NOT_ENTITLED);
    BatchRecord old = ledger.state.batch(SHOE, "L1").orElseThrow();
    assertTrue(ledger.state.entitlementOf(old).isPresent());
  }

  @Test
  void batchBackdatedBeforeATerminationInEffectIsRejected() {
    TestLedger ledger = withLicense().apply(terminate("acme", "lic-1", "2026-01-15"));
    ledger.setDate("2026-01-16");
    ledger.assertRejected(
        batch("initech", SHOE, "L9", "2026-01-12"), ViolationCode.ISSUER_RIGHT_ENDED);
  }

  @Test
  void assignmentDoesNotInvalidateBatchesIssuedBefore() {
    TestLedger ledger = withProduct().apply(batch("acme", SHOE, "L1", "2026-01-10"));
    ledger.apply(assign("ipo-em", EM_MARK, "globex", "2026-03-01"));
    ledger.setDate("2026-03-02");
    Entitlement entitlement =
        ledger.state.entitlementOf(ledger.state.batch(SHOE, "L1").orElseThrow()).orElseThrow();
    assertEquals("acme", ((Entitlement.AsHolder) entitlement).period().holder());
    ledger.apply(batch("globex", SHOE, "L2", "2026-03-02"));
  }

  @Test
  void formerHolderCannotIssueAfterAnAssignment() {
    TestLedger ledger = withProduct().apply(assign("ipo-em", EM_MARK, "globex", "2026-03-01"));
    ledger.setDate("2026-03-02");
    ledger.assertRejected(
        batch("acme", SHOE, "L2", "2026-03-02"), ViolationCode.ISSUER_NOT_ENTITLED);
    ledger.assertRejected(
        batch("acme", SHOE, "L3", "2026-02-27"), ViolationCode.ISSUER_RIGHT_ENDED);
  }

  @Test
  void issueDateInTheFutureIsRejected() {
    TestLedger ledger = withProduct();
    ledger.apply(batch("acme", SHOE, "L0", "2026-01-11"));
    ledger.assertRejected(
        batch("acme", SHOE, "L1", "2026-01-12"), ViolationCode.ISSUE_DATE_IN_FUTURE);
  }

  @Test
  void duplicateBatchIsRejected() {
    TestLedger ledger = withProduct().apply(batch("acme", SHOE, "L1", "2026-01-10"));
    ledger.assertRejected(batch("acme", SHOE, "L1", "2026-01-10"), ViolationCode.BATCH_DUPLICATE);
  }

  @Test
  void batchOfAnUnregisteredProductIsRejected() {
    TestLedger ledger = withProduct();
    ledger.assertRejected(batch("acme", SOAP, "L1", "2026-01-10"), ViolationCode.PRODUCT_UNKNOWN);
  }

  @Test
  void batchUnderALapsedMarkIsRejected() {
    TestLedger ledger = withProduct();
    ledger.apply(Statements.status("ipo-em", EM_MARK, TrademarkStatus.LAPSED, null, "2026-01-10"));
    ledger.assertRejected(batch("acme", SHOE, "L1", "2026-01-10"), ViolationCode.MARK_NOT_LIVE);
  }

  @Test
  void brandOwnerWithoutRightsCannotIssue() {
    TestLedger ledger = withProduct();
    ledger.assertRejected(
        batch("globex", SHOE, "L1", "2026-01-10"), ViolationCode.ISSUER_NOT_ENTITLED);
  }
}
