package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.license;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.Statements.revokeBatch;
import static org.markproof.contracts.rules.Statements.revokeLabels;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.RevocationReason;

class RevocationRulesTest {
  private static TestLedger withLicenseeBatch() {
    return TestLedger.standard()
        .apply(product("acme", SHOE, EM_MARK))
        .apply(license("acme", "lic-1", "initech", EM_MARK, "2026-01-01", "2027-12-31"))
        .apply(batch("initech", SHOE, "L1", "2026-01-10"));
  }

  @Test
  void issuerRevokesLabels() {
    TestLedger ledger =
        withLicenseeBatch().apply(revokeLabels("initech", SHOE, "L1", "0001", "0002"));
    assertEquals(
        RevocationReason.STOLEN,
        ledger.state.revocation(SHOE, "L1", "0002").orElseThrow().reason());
    assertTrue(ledger.state.revocation(SHOE, "L1", "0003").isEmpty());
  }

  @Test
  void holderRevokesALicenseesBatch() {
    TestLedger ledger = withLicenseeBatch().apply(revokeBatch("acme", SHOE, "L1"));
    assertEquals(
        RevocationReason.RECALL,
        ledger.state.revocation(SHOE, "L1", "0777").orElseThrow().reason());
  }

  @Test
  void strangerCannotRevoke() {
    TestLedger ledger = withLicenseeBatch();
    ledger.assertRejected(
        revokeLabels("globex", SHOE, "L1", "0001"), ViolationCode.REVOCATION_NOT_ENTITLED);
    ledger.assertRejected(revokeBatch("globex", SHOE, "L1"), ViolationCode.REVOCATION_NOT_ENTITLED);
  }

  @Test
  void revokingASerialTwiceIsRejected() {
    TestLedger ledger = withLicenseeBatch().apply(revokeLabels("initech", SHOE, "L1", "0001"));
    ledger.assertRejected(
        revokeLabels("initech", SHOE, "L1", "0002", "0001"), ViolationCode.SERIAL_ALREADY_REVOKED);
  }

  @Test
  void revokingARevokedBatchIsRejected() {
    TestLedger ledger = withLicenseeBatch().apply(revokeBatch("initech", SHOE, "L1"));
    ledger.assertRejected(revokeBatch("acme", SHOE, "L1"), ViolationCode.BATCH_ALREADY_REVOKED);
    ledger.assertRejected(
        revokeLabels("acme", SHOE, "L1", "0001"), ViolationCode.BATCH_ALREADY_REVOKED);
  }

  @Test
  void revokingAnUnknownBatchIsRejected() {
    TestLedger ledger = withLicenseeBatch();
    ledger.assertRejected(revokeBatch("acme", SHOE, "L2"), ViolationCode.BATCH_UNKNOWN);
  }
}
