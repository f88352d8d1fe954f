package org.markproof.contracts.rules;

import static org.markproof.contracts.rules.Statements.SHOE;
import static org.markproof.contracts.rules.Statements.product;
import static org.markproof.contracts.rules.TestLedger.EM_MARK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.markproof.contracts.entry.BatchIssued;
import org.markproof.contracts.entry.SignedEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of validating and applying one {@code batch.issued} entry (signature check included) to a
 * ledger already holding {@code batches} batches: it should not grow with the ledger, because the
 * state is persistent and an apply copies only O(log n) small nodes. Run with {@code mvn -pl
 * contracts -Pbench test-compile exec:exec -Djmh.args="LedgerApplyBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LedgerApplyBenchmark {
  @Param({"1000", "100000"})
  public int batches;

  private LedgerState base;
  private SignedEntry next;
  private Instant time;

  @Setup(Level.Trial)
  public void buildLedger() throws RuleViolationException {
    TestLedger ledger = TestLedger.standard().apply(product("acme", SHOE, EM_MARK));
    LedgerState state = ledger.state;
    for (int i = 0; i < batches; i++) {
      state = Rules.apply(state, ledger.sign(batchNumber(i, ledger)), ledger.now);
    }
    base = state;
    time = ledger.now;
    next = ledger.sign(batchNumber(batches, ledger));
  }

  private static BatchIssued batchNumber(int i, TestLedger ledger) {
    return new BatchIssued(
        "acme",
        SHOE,
        "L" + i,
        1000,
        TestLedger.key("label", 0).publicKey(),
        LocalDate.ofInstant(ledger.now, ZoneOffset.UTC));
  }

  @Benchmark
  public LedgerState applyOneBatch() throws RuleViolationException {
    return Rules.apply(base, next, time);
  }

  @Benchmark
  public Object lookUpABatchAndItsEntitlement() {
    BatchRecord batch = base.batch(SHOE, "L" + (batches / 2)).orElseThrow();
    return base.entitlementOf(batch);
  }
}
