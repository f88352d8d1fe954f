package org.markproof.contracts.merkle;

import java.util.List;
import org.markproof.contracts.crypto.Sha256;

/**
 * The Merkle tree hash of RFC 9162 §2.1.1 with SHA-256: a leaf is {@code H(0x00 ‖ entry)}, an
 * interior node {@code H(0x01 ‖ left ‖ right)}, the empty tree {@code H()}.
 */
public final class MerkleHashes {
  /** Length of every hash in the tree. */
  public static final int HASH_LENGTH = Sha256.LENGTH;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final byte[] EMPTY_ROOT = Sha256.hash();

  private MerkleHashes() {}

  /** Returns {@code MTH({})}, the root of the empty tree: SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** Returns the leaf hash of {@code entry}: {@code H(0x00 ‖ entry)}. */
  public static byte[] leafHash(byte[] entry) {
    return Sha256.hash(LEAF_PREFIX, entry);
  }

  /** Returns the interior node hash {@code H(0x01 ‖ left ‖ right)}. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return Sha256.hash(NODE_PREFIX, left, right);
  }

  /**
   * Returns the Merkle Tree Hash {@code MTH(D[n])} (RFC 9162 §2.1.1) of the tree whose leaves have
   * the given hashes, in order; the empty list gives {@link #emptyRoot()}.
   *
   * <p>Hashes each interior node once ({@code n - 1} node hashes for {@code n} leaves) and holds
   * only the O(log n) roots of the perfect subtrees completed so far, instead of re-hashing halves
   * recursively.
   *
   * @throws IllegalArgumentException if a leaf hash is not 32 bytes
   */
  public static byte[] root(List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return emptyRoot();
    }
    // stack[0..depth) holds the roots of the perfect subtrees covering the leaves seen so far,
    // largest first: one per set bit of the count, as in a compact range.
    byte[][] stack = new byte[Long.SIZE][];
    int depth = 0;
    long count = 0;
    for (byte[] leafHash : leafHashes) {
      requireHash(leafHash, count);
      byte[] node = leafHash;
      count++;
      for (long merges = count; (merges & 1) == 0; merges >>>= 1) {
        node = nodeHash(stack[--depth], node);
      }
      stack[depth++] = node;
    }
    byte[] root = stack[--depth];
    while (depth > 0) {
      root = nodeHash(stack[--depth], root);
    }
    return root.clone();
  }

  private static void requireHash(byte[] leafHash, long index) {
    if (leafHash == null || leafHash.length != HASH_LENGTH) {
      throw new IllegalArgumentException(
          "leaf hash "
              + index
              + ": got "
              + (leafHash == null ? "nothing" : leafHash.length + " bytes")
              + ", expected "
              + HASH_LENGTH);
    }
  }
}
