package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.markproof.contracts.MalformedDataException;

/**
 * The frontier of a log's Merkle tree: the roots of the fewest perfect subtrees covering leaves
 * {@code [0, size)}, one per set bit of {@code size}, largest (leftmost) first. It is all a
 * sequencer needs to append leaves and compute the new root (RFC 9162 §2.1.1) without reading old
 * leaves back, as transparency-dev/merkle {@code compact.Range}.
 *
 * <p>Immutable: appending returns a new range, so a sequencer can keep the last durable range and
 * simply drop the new one when a batch fails to commit.
 */
public final class CompactRange {
  private static final CompactRange EMPTY = new CompactRange(0, new byte[0][]);

  private final long size;
  private final byte[][] frontier;

  private CompactRange(long size, byte[][] frontier) {
    this.size = size;
    this.frontier = frontier;
  }

  /** Returns the range of the empty tree. */
  public static CompactRange empty() {
    return EMPTY;
  }

  /**
   * Returns the ids of the frontier nodes of a tree of {@code size} leaves, in the order {@link
   * #restore} expects their hashes: the perfect subtrees covering {@code [0, size)}, largest first.
   *
   * @throws IllegalArgumentException if {@code size < 0}
   */
  public static List<NodeId> frontierIds(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size " + size + " is negative");
    }
    return List.copyOf(ProofPlanner.perfectSubtrees(0, size));
  }

  /**
   * Rebuilds the range of a tree of {@code size} leaves from the hashes storage kept of its
   * frontier, ordered as {@link #frontierIds(long)}.
   *
   * @throws MalformedDataException if {@code size < 0}, the number of hashes is not {@code
   *     Long.bitCount(size)}, or a hash is not 32 bytes
   */
  public static CompactRange restore(long size, List<byte[]> frontierHashes)
      throws MalformedDataException {
    if (size < 0) {
      throw new MalformedDataException("compact range size: got " + size + ", expected >= 0");
    }
    if (frontierHashes.size() != Long.bitCount(size)) {
      throw new MalformedDataException(
          "compact range of size "
              + size
              + ": got "
              + frontierHashes.size()
              + " frontier hashes, expected "
              + Long.bitCount(size));
    }
    byte[][] frontier = new byte[frontierHashes.size()][];
    for (int i = 0; i < frontier.length; i++) {
      byte[] hash = frontierHashes.get(i);
      if (hash == null || hash.length != MerkleHashes.HASH_LENGTH) {
        throw new MalformedDataException(
            "compact range frontier hash "
                + i
                + ": got "
                + (hash == null ? "nothing" : hash.length + " bytes")
                + ", expected "
                + MerkleHashes.HASH_LENGTH);
      }
      frontier[i] = hash.clone();
    }
    return new CompactRange(size, frontier);
  }

  /**
   * Rebuilds the range of a tree of {@code size} leaves by looking up its {@link
   * #frontierIds(long)} in {@code source}.
   *
   * @throws MalformedDataException as for {@link #restore}
   */
  public static CompactRange fromStored(long size, NodeHashSource source)
      throws MalformedDataException {
    return restore(size, source.hashes(frontierIds(size)));
  }

  /** Returns the number of leaves covered. */
  public long size() {
    return size;
  }

  /** Returns copies of the frontier hashes, ordered as {@link #frontierIds(long)}. */
  public List<byte[]> frontier() {
    List<byte[]> hashes = new ArrayList<>(frontier.length);
    for (byte[] hash : frontier) {
      hashes.add(hash.clone());
    }
    return hashes;
  }

  /** Returns {@code MTH(D[size])}: the frontier folded from the right, or the empty root. */
  public byte[] root() {
    if (frontier.length == 0) {
      return MerkleHashes.emptyRoot();
    }
    byte[] root = frontier[frontier.length - 1];
    for (int i = frontier.length - 2; i >= 0; i--) {
      root = MerkleHashes.nodeHash(frontier[i], root);
    }
    return root.clone();
  }

  /** Returns this range extended by one leaf; see {@link #appendAll(List, NodeVisitor)}. */
  public CompactRange append(byte[] leafHash, NodeVisitor visitor) {
    return appendAll(List.of(leafHash), visitor);
  }

  /** Returns this range extended by {@code leafHashes}, reporting nothing. */
  public CompactRange appendAll(List<byte[]> leafHashes) {
    return appendAll(leafHashes, NodeVisitor.NONE);
  }

  /**
   * Returns this range extended by {@code leafHashes}, in order. Reports to {@code visitor} every
   * perfect subtree the new leaves complete, each leaf included, children before parents: exactly
   * the node hashes that first exist at the new size.
   *
   * @throws IllegalArgumentException if a leaf hash is not 32 bytes, or the tree would pass {@code
   *     Long.MAX_VALUE} leaves
   */
  public CompactRange appendAll(List<byte[]> leafHashes, NodeVisitor visitor) {
    if (leafHashes.size() > Long.MAX_VALUE - size) {
      throw new IllegalArgumentException("tree would pass " + Long.MAX_VALUE + " leaves");
    }
    byte[][] stack = Arrays.copyOf(frontier, Long.SIZE);
    int depth = frontier.length;
    long next = size;
    for (byte[] leafHash : leafHashes) {
      if (leafHash == null || leafHash.length != MerkleHashes.HASH_LENGTH) {
        throw new IllegalArgumentException(
            "leaf hash for index "
                + next
                + ": got "
                + (leafHash == null ? "nothing" : leafHash.length + " bytes")
                + ", expected "
                + MerkleHashes.HASH_LENGTH);
      }
      NodeId id = NodeId.leaf(next);
      byte[] node = leafHash.clone();
      visitor.visit(id, node.clone());
      // A node whose index is odd is a right child: its left sibling tops the stack.
      while ((id.index() & 1) == 1) {
        node = MerkleHashes.nodeHash(stack[--depth], node);
        id = id.parent();
        visitor.visit(id, node.clone());
      }
      stack[depth++] = node;
      next++;
    }
    return new CompactRange(next, Arrays.copyOf(stack, depth));
  }

  @Override
  public String toString() {
    return "CompactRange(size " + size + ", " + frontier.length + " frontier hashes)";
  }
}
