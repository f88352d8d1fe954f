package org.markproof.edge.sync;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.RuleReplay;
import org.markproof.edge.store.SyncWriter;

/**
 * The entries a sync receives, one at a time: hashed onto the stored tree from the source's first
 * index, compared with the stored entries below the adopted size, stored and replayed through the
 * rules above it (on a thread of its own, {@link RuleReplay}; {@link #finish} waits for it). A rule
 * failure or a differing old entry is only noted here: whether it is the log's misbehaviour or a
 * bad copy depends on the root, known at the end.
 */
final class NewEntries {
  private final EdgeStore store;
  private final long adoptedSize;
  private final RuleReplay replay;
  CompactRange range;
  long next;
  SyncWriter writer;
  String divergence;
  String violation;

  NewEntries(EdgeStore store, long first, long adoptedSize) throws EdgeStoreException {
    this.store = store;
    this.adoptedSize = adoptedSize;
    this.next = first;
    this.range = store.rangeAt(first);
    this.replay = new RuleReplay(store.replayState(), 2);
  }

  void accept(long index, byte[] leaf) throws EdgeStoreException {
    if (index != next) {
      throw new IllegalStateException("entry " + index + " delivered where " + next + " was due");
    }
    byte[] leafHash = MerkleHashes.leafHash(leaf);
    if (index < adoptedSize) {
      if (divergence == null
          && !MessageDigest.isEqual(leafHash, store.nodes().hash(NodeId.leaf(index)))) {
        divergence =
            "entry "
                + index
                + " differs from the adopted one, and the new entries still hash to the new"
                + " checkpoint's root: the log shows two histories";
      }
    } else {
      writer.putEntry(index, leaf);
      replay.add(index, leaf);
    }
    List<Object[]> completed = new ArrayList<>(2);
    range = range.append(leafHash, (id, hash) -> completed.add(new Object[] {id, hash}));
    for (Object[] node : completed) {
      NodeId id = (NodeId) node[0];
      if (id.endLeaf() > adoptedSize) {
        writer.putNode(id, (byte[]) node[1]);
      }
    }
    next++;
  }

  /** Waits for the rules' replay of every entry delivered; notes the first violation. */
  void finish() {
    violation = replay.finish();
  }

  /** Stops the rules' replay: the sync failed before its end. */
  void abandon() {
    replay.abandon();
  }
}
