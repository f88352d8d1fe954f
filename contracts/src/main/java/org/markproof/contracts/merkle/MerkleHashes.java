package org.markproof.contracts.merkle;

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
}
