package org.markproof.service.intake;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.markproof.service.log.index.LedgerSnapshot;
import org.markproof.service.log.index.LedgerView;
import org.markproof.service.log.index.SignedCheckpoint;

/**
 * Waits, bounded, until a submission is in a signed checkpoint this replica's index holds, then
 * answers with its index, the checkpoint and the inclusion proof against it. Works on every
 * replica: whichever replica sequences, the index follows the log. Re-reads the submission each
 * time the index changes, and at least every {@link #RECHECK}.
 */
final class SequencedWaiter {
  /** The longest pause between two looks at the submission. */
  static final Duration RECHECK = Duration.ofMillis(250);

  private final SubmissionRows rows;
  private final LedgerView ledger;
  private final Clock clock;

  SequencedWaiter(SubmissionRows rows, LedgerView ledger, Clock clock) {
    this.rows = rows;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * The submission's place in the log once a checkpoint covers it; a null item when {@code timeout}
   * passes first.
   *
   * @throws NoSuchElementException (as the failure) if there is no such submission
   * @throws RuleViolationsException (as the failure) if the sequencer rejected it
   */
  Uni<Sequenced> await(UUID submission, Duration timeout) {
    return look(submission, clock.instant().plus(timeout));
  }

  private Uni<Sequenced> look(UUID submission, Instant deadline) {
    Uni<Void> change = ledger.nextChange();
    return rows.byId(submission)
        .chain(
            row -> {
              if (row == null) {
                return Uni.createFrom()
                    .failure(new NoSuchElementException("no submission " + submission));
              }
              if ("rejected".equals(row.status())) {
                return Uni.createFrom()
                    .failure(
                        row.violations().isEmpty()
                            ? new IllegalStateException(
                                "submission " + submission + " was refused as unusable")
                            : new RuleViolationsException(row.violations()));
              }
              Sequenced done = "sequenced".equals(row.status()) ? covered(row) : null;
              if (done != null) {
                return Uni.createFrom().item(done);
              }
              Duration left = Duration.between(clock.instant(), deadline);
              if (left.isNegative() || left.isZero()) {
                return Uni.createFrom().nullItem();
              }
              Duration pause = left.compareTo(RECHECK) < 0 ? left : RECHECK;
              return change
                  .ifNoItem()
                  .after(pause)
                  .recoverWithItem((Void) null)
                  .chain(() -> look(submission, deadline));
            });
  }

  /** The answer, if the index holds a checkpoint covering the sequenced row. */
  private Sequenced covered(SubmissionRows.Row row) {
    LedgerSnapshot snapshot = ledger.snapshot();
    long index = row.logIndex();
    SignedCheckpoint checkpoint = snapshot.checkpoint().orElse(null);
    if (checkpoint == null || checkpoint.size() <= index) {
      return null;
    }
    if (!Arrays.equals(ledger.leafHash(index), row.leafHash())) {
      throw new IllegalStateException(
          "submission " + row.id() + ": the log holds another leaf at index " + index);
    }
    return new Sequenced(
        row.id(),
        index,
        row.leafHash(),
        checkpoint.note(),
        ledger.inclusionProof(index, checkpoint.size()));
  }
}
