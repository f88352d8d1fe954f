package org.markproof.service.log.index;

import java.time.Instant;

/**
 * A checkpoint the log signed and stored, verified by the index against the log's keys and its own
 * tree.
 *
 * @param size the tree size it commits to
 * @param root the root hash at that size
 * @param note the c2sp.org/signed-note text: checkpoint text, the log's signature and its
 *     tlog-cosignature/v1 timestamp
 * @param signedAt when the log signed it (the timestamp cosignature's time)
 */
public record SignedCheckpoint(long size, byte[] root, String note, Instant signedAt) {
  public SignedCheckpoint {
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }
}
