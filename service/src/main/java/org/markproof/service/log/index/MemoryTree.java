package org.markproof.service.log.index;

import java.util.ArrayList;
import java.util.List;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.merkle.CompactRange;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.NodeHashSource;
import org.markproof.contracts.merkle.NodeId;
import org.markproof.contracts.merkle.NodeVisitor;
import org.markproof.contracts.merkle.ProofPlanner;

/**
 * The log's Merkle tree (RFC 9162 §2.1) in memory: every leaf hash, and the hash of every perfect
 * subtree of level {@value #FIRST_STORED_LEVEL} and above. Levels 1 to 3 are recomputed from at
 * most eight leaves when a proof needs them, which keeps the tree at about 36 bytes per leaf.
 *
 * <p>Proofs are planned by the core ({@link ProofPlanner}) and assembled from this tree as a {@link
 * NodeHashSource}: the tree only looks hashes up by {@link NodeId}.
 *
 * <p>One writer ({@link #append}), many readers: readers only ask for nodes inside {@link #size()},
 * which is published after the hashes it covers are written.
 */
final class MemoryTree {
  /** The lowest interior level kept; lower ones are recomputed from leaves. */
  static final int FIRST_STORED_LEVEL = 4;

  private final List<HashColumn> levels = new ArrayList<>();
  private volatile HashColumn[] published = new HashColumn[0];
  private CompactRange range = CompactRange.empty();
  private volatile long size;

  /** The number of leaves. */
  long size() {
    return size;
  }

  /** {@code MTH(D[size])} of the whole tree. */
  byte[] root() {
    return root(size);
  }

  /**
   * The root of the tree of the first {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= treeSize <= size()}
   */
  byte[] root(long treeSize) {
    requireWithin(treeSize);
    try {
      return CompactRange.fromStored(treeSize, source(treeSize)).root();
    } catch (MalformedDataException e) {
      throw new IllegalStateException("the in-memory tree lacks a frontier hash", e);
    }
  }

  /** The hash of leaf {@code index}. */
  byte[] leafHash(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is outside the tree of " + size);
    }
    return published[0].get(index);
  }

  /** The RFC 9162 §2.1.3 inclusion proof of leaf {@code index} in the tree of {@code treeSize}. */
  List<byte[]> inclusionProof(long index, long treeSize) {
    requireWithin(treeSize);
    return ProofPlanner.inclusion(index, treeSize).assemble(source(treeSize));
  }

  /** The RFC 9162 §2.1.4 consistency proof between the trees of {@code size1} and {@code size2}. */
  List<byte[]> consistencyProof(long size1, long size2) {
    requireWithin(size2);
    return ProofPlanner.consistency(size1, size2).assemble(source(size2));
  }

  /** Appends leaves; the single writer's call. Returns the new root. */
  byte[] append(List<byte[]> leafHashes) {
    NodeVisitor keep =
        (id, hash) -> {
          if (id.level() == 0 || id.level() >= FIRST_STORED_LEVEL) {
            column(id.level()).set(id.index(), hash);
          }
        };
    range = range.appendAll(leafHashes, keep);
    published = levels.toArray(new HashColumn[0]);
    size = range.size();
    return range.root();
  }

  private HashColumn column(int level) {
    while (levels.size() <= level) {
      levels.add(new HashColumn());
    }
    return levels.get(level);
  }

  private void requireWithin(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is outside 0.." + size + " (the index's size)");
    }
  }

  /** Looks up perfect subtrees inside the first {@code treeSize} leaves. */
  private NodeHashSource source(long treeSize) {
    HashColumn[] columns = published;
    return id -> {
      if (id.endLeaf() > treeSize) {
        throw new IllegalArgumentException(id + " is not complete in a tree of " + treeSize);
      }
      if (id.level() == 0 || id.level() >= FIRST_STORED_LEVEL) {
        return columns[id.level()].get(id.index());
      }
      List<byte[]> leaves = new ArrayList<>((int) id.leafCount());
      for (long leaf = id.firstLeaf(); leaf < id.endLeaf(); leaf++) {
        leaves.add(columns[0].get(leaf));
      }
      return MerkleHashes.root(leaves);
    };
  }
}
