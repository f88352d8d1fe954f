package org.markproof.service.log.index;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The verified log held in memory, read-only, for every feature that answers from it (read API,
 * scans, submissions). Inject it ({@code @Inject LedgerView ledger}); every method answers from
 * memory without I/O.
 *
 * <p>Take one {@link #snapshot()} per request and use its size for proofs, so that the state, the
 * root and the checkpoint agree: the index grows while you read. Proofs are RFC 9162 §2.1.3
 * (inclusion) and §2.1.4 (consistency), hashes ordered from the leaf upwards, as {@code
 * ProofVerifier} and c2sp.org/tlog-proof expect.
 */
public interface LedgerView {
  /** The current state, size, root and latest checkpoint, consistent with each other. */
  LedgerSnapshot snapshot();

  /**
   * The inclusion proof of leaf {@code index} in the tree of {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= snapshot().size()}
   */
  List<byte[]> inclusionProof(long index, long treeSize);

  /**
   * The inclusion proof of leaf {@code index} against the latest checkpoint.
   *
   * @throws IllegalArgumentException if there is no checkpoint yet, or it does not cover {@code
   *     index}
   */
  default List<byte[]> inclusionProof(long index) {
    long size =
        snapshot()
            .checkpoint()
            .orElseThrow(() -> new IllegalArgumentException("no checkpoint signed yet"))
            .size();
    return inclusionProof(index, size);
  }

  /**
   * The consistency proof from the tree of {@code size1} to that of {@code size2}.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2 <= snapshot().size()}
   */
  List<byte[]> consistencyProof(long size1, long size2);

  /**
   * The root of the tree of the first {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= treeSize <= snapshot().size()}
   */
  byte[] root(long treeSize);

  /**
   * The RFC 9162 leaf hash of entry {@code index}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < snapshot().size()}
   */
  byte[] leafHash(long index);

  /**
   * The exact bytes of entry {@code index} (the RFC 9162 leaf input), from memory.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < snapshot().size()}
   */
  byte[] entry(long index);

  /** Whether the index has replayed the log up to the stored head at least once (readiness). */
  boolean isCaughtUp();

  /** Completes (with no item) the next time the index grows or a newer checkpoint arrives. */
  Uni<Void> nextChange();
}
