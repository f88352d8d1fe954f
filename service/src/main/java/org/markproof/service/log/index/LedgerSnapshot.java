package org.markproof.service.log.index;

import java.util.Optional;
import org.markproof.contracts.rules.LedgerState;

/**
 * One consistent moment of the log as this replica knows it: the rules' state after the first
 * {@code size} entries, the tree's root at that size, and the newest verified checkpoint (whose
 * size may lag {@code size} until the sequencer signs the next one).
 *
 * @param state the {@link LedgerState} after every entry below {@code size}
 * @param size the number of entries
 * @param root {@code MTH(D[size])}
 * @param checkpoint the newest signed checkpoint, at most {@code size}; empty before the first
 * @param checkpointState the {@link LedgerState} after the entries {@code checkpoint} covers — what
 *     a scan judges against, so that every entry it relies on is provable against that checkpoint;
 *     empty before the first checkpoint
 */
public record LedgerSnapshot(
    LedgerState state,
    long size,
    byte[] root,
    Optional<SignedCheckpoint> checkpoint,
    Optional<LedgerState> checkpointState) {
  public LedgerSnapshot {
    root = root.clone();
    if (checkpoint.isPresent() != checkpointState.isPresent()
        || checkpointState.map(s -> s.size() != checkpoint.get().size()).orElse(false)) {
      throw new IllegalArgumentException("checkpoint state does not match the checkpoint");
    }
  }

  @Override
  public byte[] root() {
    return root.clone();
  }
}
