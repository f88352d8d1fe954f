package org.markproof.edge.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The checkpoint the store's entries and hashes prove: verified with the pinned log key (and
 * policy) when a sync adopted it.
 *
 * @param note the signed checkpoint note, exactly as received
 * @param size the tree size
 * @param root the 32-byte root hash
 * @param adoptedAt the post's wall-clock time when it was first adopted at this size
 * @param checkpointTime the time the log itself signed for it in its c2sp.org/tlog-cosignature
 *     timestamp ({@code <origin>/timestamp}), when the sync was given that key; never moves back
 * @param lastSyncAt the post's wall-clock time of the last sync that verified the log against it
 */
public record AdoptedCheckpoint(
    String note,
    long size,
    byte[] root,
    Instant adoptedAt,
    Optional<Instant> checkpointTime,
    Instant lastSyncAt) {
  public AdoptedCheckpoint {
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /**
   * The time the cache is known to be current as of: the log's signed timestamp when there is one
   * (it does not depend on this post's clock), else the adoption time.
   */
  public Instant currentAsOf() {
    return checkpointTime.orElse(adoptedAt);
  }
}
