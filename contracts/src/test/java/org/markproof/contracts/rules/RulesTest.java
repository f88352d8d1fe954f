package org.markproof.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.batch;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.EntrySigner;
import org.markproof.contracts.entry.SignedEntry;

class RulesTest {
  @Test
  void validateCollectsEveryViolationAtOnce() {
    TestLedger ledger =
        TestLedger.standard()
            .apply(product("acme", SHOE, EM_MARK))
            .apply(batch("acme", SHOE, "L1", "2026-01-10"));
    // globex, signing with initech's key, re-issues an existing batch dated next week.
    SignedEntry entry =
        EntrySigner.sign(batch("globex", SHOE, "L1", "2026-01-17"), ledger.keyOf("initech"));
    List<Violation> violations = Rules.validate(ledger.state, entry, ledger.now);
    assertEquals(
        List.of(
            ViolationCode.KEY_NOT_SUBMITTERS,
            ViolationCode.BATCH_DUPLICATE,
            ViolationCode.ISSUE_DATE_IN_FUTURE,
            ViolationCode.ISSUER_NOT_ENTITLED),
        violations.stream().map(Violation::code).collect(Collectors.toList()));
    assertEquals(
        List.of("keyId", "statement.batch", "statement.issueDate", "statement.submitter"),
        violations.stream().map(Violation::path).collect(Collectors.toList()));
  }

  @Test
  void requireValidFailsOnceWithAllViolations() {
    TestLedger ledger = TestLedger.standard();
    SignedEntry entry = EntrySigner.sign(product("globex", SHOE, EM_MARK), ledger.keyOf("initech"));
    RuleViolationException e =
        assertThrows(
            RuleViolationException.class,
            () -> Rules.requireValid(ledger.state, entry, ledger.now));
    assertEquals(2, e.violations().size());
    assertTrue(e.getMessage().startsWith("2 violations"));
  }

  @Test
  void applyRejectsAnInvalidEntryAndLeavesTheStateAsItWas() {
    TestLedger ledger = TestLedger.standard();
    LedgerState before = ledger.state;
    SignedEntry entry = ledger.sign(product("globex", SHOE, EM_MARK));
    assertThrows(RuleViolationException.class, () -> Rules.apply(before, entry, ledger.now));
    assertSame(before, ledger.state);
    assertTrue(before.product(SHOE).isEmpty());
  }

  @Test
  void applyLeavesThePreviousStateUntouched() throws RuleViolationException {
    TestLedger ledger = TestLedger.standard();
    LedgerState before = ledger.state;
    LedgerState after =
        Rules.apply(before, ledger.sign(product("acme", SHOE, EM_MARK)), ledger.now);
    assertTrue(before.product(SHOE).isEmpty());
    assertEquals(before.size() + 1, after.size());
    assertEquals(before.size(), after.product(SHOE).orElseThrow().source().index());
  }

  @Test
  void replayingTheSameEntriesTwiceGivesEqualStates() throws RuleViolationException {
    TestLedger ledger = LedgerScenarioTest.scenario();
    LedgerState first = ledger.replay();
    LedgerState second = ledger.replay();
    assertEquals(first, second);
    assertEquals(ledger.state, first);
    assertEquals(first.hashCode(), second.hashCode());
  }

  @Test
  void aSkippedEntryMovesTheIndexAndLaterFactsCiteTheirTrueIndex() throws RuleViolationException {
    TestLedger ledger = TestLedger.standard();
    LedgerState before = ledger.state;
    LedgerState skipped = before.skip(3);
    assertEquals(before.size() + 3, skipped.size());
    assertEquals(before.lastTime(), skipped.lastTime());
    assertSame(before, before.skip(0));
    LedgerState after =
        Rules.apply(skipped, ledger.sign(product("acme", SHOE, EM_MARK)), ledger.now);
    assertEquals(before.size() + 3, after.product(SHOE).orElseThrow().source().index());
    assertThrows(IllegalArgumentException.class, () -> before.skip(-1));
  }
}
