package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.markproof.contracts.rules.Statements.seizure;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeizureRulesTest {
  @Test
  void customsOfficerRecordsASeizureAtTheirPost() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(seizure("cdg-7", "scan-1", "FR-CDG", ledger.now.minusSeconds(60)));
    assertEquals("FR-CDG", ledger.state.seizure("scan-1").orElseThrow().seizure().post());
  }

  @Test
  void brandOwnerCannotRecordASeizure() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        seizure("acme", "scan-1", "FR-CDG", ledger.now), ViolationCode.SUBMITTER_ROLE_NOT_ALLOWED);
  }

  @Test
  void seizureAtAnotherPostIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        seizure("cdg-7", "scan-1", "FR-ORY", ledger.now), ViolationCode.SEIZURE_POST_MISMATCH);
  }

  @Test
  void duplicateScanReferenceIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.apply(seizure("cdg-7", "scan-1", "FR-CDG", ledger.now));
    ledger.assertRejected(
        seizure("cdg-7", "scan-1", "FR-CDG", ledger.now), ViolationCode.SEIZURE_DUPLICATE);
  }

  @Test
  void seizureInTheFutureIsRejected() {
    TestLedger ledger = TestLedger.standard();
    ledger.assertRejected(
        seizure("cdg-7", "scan-1", "FR-CDG", ledger.now.plus(Duration.ofHours(1))),
        ViolationCode.SEIZURE_TIME_IN_FUTURE);
  }
}
