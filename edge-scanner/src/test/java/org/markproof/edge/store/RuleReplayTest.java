package org.markproof.edge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.LogEntry;
import org.markproof.contracts.entry.ParticipantRole;
import org.markproof.contracts.entry.SignedEntry;
import org.markproof.contracts.rules.LedgerState;
import org.markproof.contracts.rules.TestLedger;

/**
 * The replay verifies signatures ahead on its parsing threads (with keys the replayed state already
 * knows) and the rules consult that memo: the outcome must be the in-line replay's, a forged
 * signature included.
 */
class RuleReplayTest {
  /** Enough entries for several chunks, signed by a key the state knows after the first. */
  private static TestLedger ledger() {
    TestLedger ledger = TestLedger.standard();
    for (int i = 0; i < 900; i++) {
      ledger.enrol("brand-" + i, new ParticipantRole.BrandOwner());
    }
    return ledger;
  }

  private static String replay(List<LogEntry> entries, RuleReplay replay) {
    for (int i = 0; i < entries.size(); i++) {
      replay.add(i, entries.get(i).encoded());
    }
    return replay.finish();
  }

  @Test
  void theStateIsTheInLineReplays() throws Exception {
    TestLedger ledger = ledger();
    RuleReplay replay = new RuleReplay(LedgerState.empty(), 2, Optional.empty());

    assertNull(replay(ledger.logEntries(), replay));
    LedgerState expected = ledger.replay();
    assertEquals(expected.size(), replay.state().size());
    assertTrue(replay.state().participant("brand-899").isPresent());
  }

  @Test
  void aForgedSignatureFarIntoTheStreamStillBreaksTheRules() {
    TestLedger ledger = ledger();
    List<LogEntry> entries = new java.util.ArrayList<>(ledger.logEntries());
    int forgedAt = 700;
    LogEntry honest = entries.get(forgedAt);
    byte[] signature = honest.entry().signature();
    signature[7] ^= 1;
    SignedEntry forged =
        SignedEntry.of(honest.entry().statement(), honest.entry().keyId(), signature);
    entries.set(forgedAt, LogEntry.of(honest.sequencedAt(), forged));

    String violation = replay(entries, new RuleReplay(LedgerState.empty(), 2, Optional.empty()));

    assertNotNull(violation);
    assertTrue(violation.startsWith("entry " + forgedAt + " "), violation);
    assertTrue(
        violation.contains("SIGNATURE_INVALID") || violation.contains("signature"), violation);
  }
}
