package org.markproof.contracts.merkle;

/**
 * Names one perfect subtree of a log's Merkle tree (RFC 9162 §2.1.1): the node at {@code level}
 * above the leaves, {@code index}-th from the left on that level. It covers the {@code 2^level}
 * leaves {@code [index·2^level, (index+1)·2^level)}; a leaf is {@code NodeId(0, leafIndex)}.
 *
 * <p>A perfect subtree's hash never changes once the log has grown past it, which is why storage
 * keys node hashes by this id (as transparency-dev/merkle {@code compact.NodeID} and the tiles of
 * c2sp.org/tlog-tiles do). Nodes on the right border of a tree whose size is not a power of two are
 * not perfect; they are recomputed from perfect ones, see {@link ProofPlan}.
 *
 * @param level height above the leaves, {@code 0 <= level <= 62}
 * @param index position on its level; the subtree must end within {@code Long.MAX_VALUE} leaves
 */
public record NodeId(int level, long index) {
  /** The highest level a perfect subtree can have in a tree of at most {@code 2^63 - 1} leaves. */
  public static final int MAX_LEVEL = 62;

  /**
   * Checks that the subtree fits in a tree of at most {@code Long.MAX_VALUE} leaves.
   *
   * @throws IllegalArgumentException if the level or index is out of range
   */
  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level " + level + " is outside 0.." + MAX_LEVEL);
    }
    if (index < 0 || index >= (Long.MAX_VALUE >>> level)) {
      throw new IllegalArgumentException(
          "index " + index + " at level " + level + " ends past " + Long.MAX_VALUE + " leaves");
    }
  }

  /** Returns the id of leaf {@code index}, a subtree of level 0. */
  public static NodeId leaf(long index) {
    return new NodeId(0, index);
  }

  /** Returns the first leaf index this subtree covers. */
  public long firstLeaf() {
    return index << level;
  }

  /** Returns the leaf index just past this subtree: {@code firstLeaf() + leafCount()}. */
  public long endLeaf() {
    return (index + 1) << level;
  }

  /** Returns the number of leaves under this subtree, {@code 2^level}. */
  public long leafCount() {
    return 1L << level;
  }

  /** Returns the subtree one level up that contains this one. */
  public NodeId parent() {
    return new NodeId(level + 1, index >>> 1);
  }

  /** Returns the other child of {@link #parent()}. */
  public NodeId sibling() {
    return new NodeId(level, index ^ 1);
  }

  /**
   * Returns the left child.
   *
   * @throws IllegalStateException for a leaf
   */
  public NodeId leftChild() {
    requireInterior();
    return new NodeId(level - 1, index << 1);
  }

  /**
   * Returns the right child.
   *
   * @throws IllegalStateException for a leaf
   */
  public NodeId rightChild() {
    requireInterior();
    return new NodeId(level - 1, (index << 1) | 1);
  }

  @Override
  public String toString() {
    return "NodeId(level " + level + ", index " + index + ")";
  }

  private void requireInterior() {
    if (level == 0) {
      throw new IllegalStateException(this + " is a leaf and has no children");
    }
  }
}
