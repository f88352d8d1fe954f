package org.markproof.service.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.markproof.service.log.keys.LogKeys;
import org.markproof.service.log.store.LogStore;

/**
 * Audits the stored log against itself (issue 6): streams every entry in pages of {@link #PAGE}
 * and, with contracts' code only,
 *
 * <ul>
 *   <li>rehashes each leaf (RFC 9162 §2.1.1) and compares the stored leaf hash; parses it as a
 *       canonical {@code LogEntry} and compares its time with the stored {@code sequenced_at};
 *   <li>rebuilds the tree and compares every stored {@code tree_node} hash with the recomputed one;
 *   <li>verifies every stored checkpoint's signature with the log's keys (one of its checkpoint
 *       keys, retired ones included, must have signed it: {@link LogKeys#openCheckpoint}), that its
 *       note names the row's size and root, and that this root is the entries' root at that size;
 *   <li>compares the entries' root with the head's.
 * </ul>
 *
 * <p>Since every checkpoint's root is checked against the one sequence of stored leaves, the
 * checkpoints are consistent with each other exactly when they all pass (RFC 9162 §2.1.4: a tree is
 * consistent with a later one when it is its prefix). The audit reads up to the head it saw when it
 * started; a sequencer may append meanwhile.
 */
@ApplicationScoped
public class LogAuditor {
  /** Entries read per page: a bound on memory and on one query's size. */
  static final int PAGE = 1024;

  /** Findings kept in a report; the first ones say where the damage starts. */
  static final int MAX_FINDINGS = 100;

  private static final Logger LOG = Logger.getLogger(LogAuditor.class);

  private final LogStore store;
  private final AuditReads reads;
  private final LogKeys keys;

  /** An auditor of the log in {@code store}, signed by {@code keys}. */
  public LogAuditor(LogStore store, AuditReads reads, LogKeys keys) {
    this.store = store;
    this.reads = reads;
    this.keys = keys;
  }

  /** Runs the audit to the current head and reports what it found. */
  public Uni<AuditReport> audit() {
    return Uni.combine()
        .all()
        .unis(store.head(), store.latestCheckpoint())
        .asTuple()
        .flatMap(
            t -> {
              AuditRun run = new AuditRun(t.getItem1().size(), t.getItem1().root(), keys);
              Long latest = t.getItem2() == null ? null : t.getItem2().size();
              return store
                  .checkpoints(0, 0)
                  .invoke(empty -> run.absorb(List.of(), empty))
                  .flatMap(ignored -> pages(run))
                  .map(ignored -> run.finish(latest));
            })
        .invoke(
            report -> {
              if (!report.ok()) {
                LOG.warnf(
                    "Log audit failed at size %d: first bad index %s, node %s, checkpoint %s",
                    report.treeSize(),
                    report.firstBadIndex(),
                    report.firstBadNode(),
                    report.firstBadCheckpointSize());
              }
            });
  }

  private Uni<Void> pages(AuditRun run) {
    long start = run.next();
    if (start >= run.treeSize()) {
      return Uni.createFrom().voidItem();
    }
    long end = Math.min(start + PAGE, run.treeSize());
    return Uni.combine()
        .all()
        .unis(store.entries(start, end), store.checkpoints(start + 1, end))
        .asTuple()
        .flatMap(
            t -> {
              var completed = run.absorb(t.getItem1(), t.getItem2());
              return reads.storedNodes(completed);
            })
        .invoke(run::compareNodes)
        .flatMap(ignored -> pages(run));
  }
}
