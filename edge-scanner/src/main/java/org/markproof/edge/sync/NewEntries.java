package org.markproof.edge.sync;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.RuleReplay;
import org.markproof.edge.store.SyncWriter;
import org.markproof.edge.store.TerritoryFilter;

/**
 * The entries a sync receives, one at a time: hashed onto the stored tree from the source's first
 * index, compared with the stored entries below the adopted size, stored and replayed through the
 * rules above it (on a thread of its own, {@link RuleReplay}; {@link #finish} waits for it). A rule
 * failure or a differing old entry is only noted here: whether it is the log's misbehaviour or a
 * bad copy depends on the root, known at the end.
 *
 * <p>With a territory filter, whether an entry is kept depends on the state before it, which the
 * replay knows: the new entries wait here (at most the replay's queue of them) until the replay
 * says which to store. Every entry is hashed and every subtree hash stored all the same.
 */
final class NewEntries {
  private final EdgeStore store;
  private final long adoptedSize;
  private final RuleReplay replay;
  private final boolean filtered;

  /** New entries from {@link #undecided} on, waiting for the filter's decision. */
  private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();

  private long undecided;
  CompactRange range;
  long next;
  long stored;
  SyncWriter writer;
  String divergence;
  String violation;

  NewEntries(EdgeStore store, long first, long adoptedSize, Optional<TerritoryFilter> filter)
      throws EdgeStoreException {
    this.store = store;
    this.adoptedSize = adoptedSize;
    this.next = first;
    this.undecided = adoptedSize;
    this.filtered = filter.isPresent();
    this.range = store.rangeAt(first);
    this.replay = new RuleReplay(store.replayState(), 2, filter);
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
    } else if (filtered) {
      waiting.add(leaf);
      replay.add(index, leaf);
      storeDecided();
    } else {
      writer.putEntry(index, leaf);
      stored++;
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

  /** Stores the waiting entries the filter kept, as far as the replay has decided. */
  private void storeDecided() throws EdgeStoreException {
    for (RuleReplay.Kept k = replay.pollKept(); k != null; k = replay.pollKept()) {
      if (k.first() != undecided) {
        throw new IllegalStateException(
            "decisions from entry " + k.first() + " where " + undecided + " was due");
      }
      for (boolean keep : k.kept()) {
        byte[] leaf = waiting.removeFirst();
        if (keep) {
          writer.putEntry(undecided, leaf);
          stored++;
        }
        undecided++;
      }
    }
  }

  /** Waits for the rules' replay of every entry delivered; notes the first violation. */
  void finish() throws EdgeStoreException {
    violation = replay.finish();
    if (filtered) {
      storeDecided();
      if (!waiting.isEmpty()) {
        throw new IllegalStateException(waiting.size() + " entries left without a decision");
      }
    }
  }

  /** Stops the rules' replay: the sync failed before its end. */
  void abandon() {
    replay.abandon();
  }
}
