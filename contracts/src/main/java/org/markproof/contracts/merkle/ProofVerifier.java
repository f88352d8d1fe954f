package org.markproof.contracts.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Every method returns
 * normally only when the proof holds; the shape of a proof is checked before anything is hashed.
 *
 * <p>The algorithms follow the decomposition of a proof into an "inner" part (below the point where
 * the paths to the leaf and to the tree's right border split) and a "border" part, as in
 * transparency-dev/merkle {@code proof/verify.go}.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * Checks that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root}.
   *
   * @throws ProofShapeException if {@code index >= size}, a hash is not 32 bytes, or the proof has
   *     the wrong number of hashes for this index and size
   * @throws RootMismatchException if the proof leads to another root
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws ProofShapeException, RootMismatchException {
    checkHash("root", root);
    byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
    if (!MessageDigest.isEqual(computed, root)) {
      throw new RootMismatchException(
          "inclusion proof for index " + index + " in tree of size " + size, root, computed);
    }
  }

  /**
   * Computes the root that an inclusion proof implies for {@code leafHash} at {@code index}.
   *
   * @throws ProofShapeException as for {@link #verifyInclusion}
   */
  public static byte[] rootFromInclusionProof(
      long index, long size, byte[] leafHash, List<byte[]> proof) throws ProofShapeException {
    if (index < 0 || size < 0) {
      throw new ProofShapeException("index " + index + " and size " + size + " must be >= 0");
    }
    if (index >= size) {
      throw new ProofShapeException("index " + index + " is beyond tree size " + size);
    }
    checkHash("leaf hash", leafHash);
    checkHashes(proof);
    int inner = innerProofSize(index, size);
    int border = Long.bitCount(index >>> inner);
    if (proof.size() != inner + border) {
      throw new ProofShapeException(
          "inclusion proof for index "
              + index
              + " in tree of size "
              + size
              + ": got "
              + proof.size()
              + " hashes, expected "
              + (inner + border));
    }
    HashChain chain = new HashChain(leafHash);
    chainInner(chain, proof.subList(0, inner), index);
    chainBorderRight(chain, proof.subList(inner, proof.size()));
    return chain.node();
  }

  /**
   * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of
   * {@code size2} leaves with root {@code root2} (RFC 9162 §2.1.4.2).
   *
   * <p>Two edge cases carry no proof. Equal sizes are consistent when the proof is empty and the
   * roots are byte-equal; nothing is hashed, so, as in transparency-dev/merkle and its vector
   * {@code sizes-are-equal-one-and-proof-is-empty}, their length is not checked. An empty tree is a
   * prefix of every tree, but only with the empty proof and the root {@code MTH({})} of RFC 9162
   * §2.1.1: a checkpoint claiming another root for size 0 is false.
   *
   * @throws ProofShapeException if {@code size2 < size1}, a hash that is hashed or compared with a
   *     computed one is not 32 bytes, or the proof has the wrong number of hashes for these sizes
   * @throws RootMismatchException if the proof does not lead to {@code root1} and {@code root2}, or
   *     a root of size 0 is not the empty root
   */
  public static void verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
      throws ProofShapeException, RootMismatchException {
    if (size1 < 0 || size2 < 0) {
      throw new ProofShapeException("sizes " + size1 + " and " + size2 + " must be >= 0");
    }
    if (size2 < size1) {
      throw new ProofShapeException("size2 " + size2 + " is smaller than size1 " + size1);
    }
    checkHashes(proof);
    if (root1 == null || root2 == null) {
      throw new ProofShapeException("consistency proof: root1 or root2 is missing");
    }
    if (size1 == 0) {
      requireEqual("root of the empty tree (size1 0)", MerkleHashes.emptyRoot(), root1);
    }
    if (size1 == size2) {
      requireEmpty(proof, size1, size2);
      requireEqual("consistency of equal sizes " + size1, root2, root1);
      return;
    }
    checkHash("root2", root2);
    if (size1 == 0) {
      // Every tree extends the empty tree; there is nothing to prove.
      requireEmpty(proof, size1, size2);
      return;
    }
    checkHash("root1", root1);
    if (proof.isEmpty()) {
      throw new ProofShapeException(
          "consistency proof from " + size1 + " to " + size2 + " is empty");
    }
    int inner = innerProofSize(size1 - 1, size2);
    int shift = Long.numberOfTrailingZeros(size1);
    inner -= shift;
    int border = Long.bitCount((size1 - 1) >>> (inner + shift));
    // When size1 is a power of two, the old tree is one complete subtree: its root seeds the path.
    boolean seededByRoot1 = size1 == (1L << shift);
    int start = seededByRoot1 ? 0 : 1;
    if (proof.size() != start + inner + border) {
      throw new ProofShapeException(
          "consistency proof from "
              + size1
              + " to "
              + size2
              + ": got "
              + proof.size()
              + " hashes, expected "
              + (start + inner + border));
    }
    byte[] seed = seededByRoot1 ? root1 : proof.get(0);
    List<byte[]> path = proof.subList(start, proof.size());
    long mask = (size1 - 1) >>> shift;

    HashChain chain1 = new HashChain(seed);
    chainInnerRight(chain1, path.subList(0, inner), mask);
    chainBorderRight(chain1, path.subList(inner, path.size()));
    requireEqual("consistency proof, old root of size " + size1, root1, chain1.node());

    HashChain chain2 = new HashChain(seed);
    chainInner(chain2, path.subList(0, inner), mask);
    chainBorderRight(chain2, path.subList(inner, path.size()));
    requireEqual("consistency proof, new root of size " + size2, root2, chain2.node());
  }

  /** Number of levels below the split of the paths to {@code index} and to {@code size - 1}. */
  static int innerProofSize(long index, long size) {
    return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
  }

  private static void chainInner(HashChain chain, List<byte[]> proof, long index) {
    for (int i = 0; i < proof.size(); i++) {
      if (((index >>> i) & 1) == 0) {
        chain.withRightSibling(proof.get(i));
      } else {
        chain.withLeftSibling(proof.get(i));
      }
    }
  }

  /** Like chainInner, but skips right siblings: it rebuilds the subtree as the old tree had it. */
  private static void chainInnerRight(HashChain chain, List<byte[]> proof, long index) {
    for (int i = 0; i < proof.size(); i++) {
      if (((index >>> i) & 1) == 1) {
        chain.withLeftSibling(proof.get(i));
      }
    }
  }

  /** Above the split, every sibling is a perfect subtree to the left of the path. */
  private static void chainBorderRight(HashChain chain, List<byte[]> proof) {
    for (byte[] sibling : proof) {
      chain.withLeftSibling(sibling);
    }
  }

  private static void requireEmpty(List<byte[]> proof, long size1, long size2)
      throws ProofShapeException {
    if (!proof.isEmpty()) {
      throw new ProofShapeException(
          "consistency proof from "
              + size1
              + " to "
              + size2
              + ": got "
              + proof.size()
              + " hashes, expected none");
    }
  }

  private static void requireEqual(String what, byte[] expected, byte[] computed)
      throws RootMismatchException {
    if (!MessageDigest.isEqual(expected, computed)) {
      throw new RootMismatchException(what, expected, computed);
    }
  }

  private static void checkHashes(List<byte[]> proof) throws ProofShapeException {
    if (proof == null) {
      throw new ProofShapeException("proof is missing");
    }
    for (int i = 0; i < proof.size(); i++) {
      byte[] hash = proof.get(i);
      // Tested inline: naming the hash only on failure keeps the common path free of strings.
      if (hash == null || hash.length != MerkleHashes.HASH_LENGTH) {
        checkHash("proof hash " + i, hash);
      }
    }
  }

  private static void checkHash(String what, byte[] hash) throws ProofShapeException {
    if (hash == null || hash.length != MerkleHashes.HASH_LENGTH) {
      throw new ProofShapeException(
          what
              + ": got "
              + (hash == null ? "nothing" : hash.length + " bytes")
              + ", expected "
              + MerkleHashes.HASH_LENGTH);
    }
  }
}
