package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generates inclusion and consistency proofs directly from a tree's leaf hashes held in memory (RFC
 * 9162 §2.1.3.1 and §2.1.4.1). Each proof hash is the root of a range of leaves; the ranges shrink
 * by at least half at each step, so a proof costs at most {@code n} node hashes.
 *
 * <p>Suited to tests, small trees and rebuilding a proof for cross-checking; a log backed by
 * storage uses {@link ProofPlanner} and stored subtree hashes instead.
 */
public final class ProofGenerator {
  private ProofGenerator() {}

  /**
   * Returns the audit path {@code PATH(index, D[n])} for the leaf at {@code index} in the tree of
   * the {@code n = leafHashes.size()} given leaves, ordered from the leaf's sibling upwards.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < n}, or if a leaf hash it hashes is
   *     not 32 bytes
   */
  public static List<byte[]> inclusion(List<byte[]> leafHashes, long index) {
    int size = leafHashes.size();
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "index " + index + " is outside a tree of size " + size + "; need 0 <= index < size");
    }
    List<byte[]> topDown = new ArrayList<>();
    int lo = 0;
    int hi = size;
    while (hi - lo > 1) {
      int k = Integer.highestOneBit(hi - lo - 1);
      if (index < lo + k) {
        topDown.add(MerkleHashes.root(leafHashes.subList(lo + k, hi)));
        hi = lo + k;
      } else {
        topDown.add(MerkleHashes.root(leafHashes.subList(lo, lo + k)));
        lo += k;
      }
    }
    Collections.reverse(topDown);
    return topDown;
  }

  /**
   * Returns the consistency proof {@code PROOF(size1, D[n])} that the tree of the first {@code
   * size1} leaves is a prefix of the tree of all {@code n = leafHashes.size()} leaves; empty when
   * {@code size1 == n}.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= n}, or if a leaf hash it hashes is
   *     not 32 bytes
   */
  public static List<byte[]> consistency(List<byte[]> leafHashes, long size1) {
    int size2 = leafHashes.size();
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "sizes " + size1 + " and " + size2 + " do not satisfy 0 < size1 <= size2");
    }
    List<byte[]> topDown = new ArrayList<>();
    int lo = 0;
    int hi = size2;
    // SUBPROOF's flag b: whether the subtree ending at size1 is the old root the client holds.
    boolean oldRootKnown = true;
    while (hi != size1) {
      int k = Integer.highestOneBit(hi - lo - 1);
      if (size1 <= lo + k) {
        topDown.add(MerkleHashes.root(leafHashes.subList(lo + k, hi)));
        hi = lo + k;
      } else {
        topDown.add(MerkleHashes.root(leafHashes.subList(lo, lo + k)));
        lo += k;
        oldRootKnown = false;
      }
    }
    if (!oldRootKnown) {
      topDown.add(MerkleHashes.root(leafHashes.subList(lo, hi)));
    }
    Collections.reverse(topDown);
    return topDown;
  }
}
