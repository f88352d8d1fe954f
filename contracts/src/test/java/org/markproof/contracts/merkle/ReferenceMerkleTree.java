package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle Tree Hash, audit path and consistency proof written straight from the recursive
 * definitions of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1: slow (every call re-hashes its whole
 * range) and obviously right, to cross-check the fast code on random trees.
 *
 * <p>Works on leaf hashes rather than entries: {@code MTH({d0}) = leafHash(d0)}. Public so that the
 * tiles tests can check tile contents against it.
 */
public final class ReferenceMerkleTree {
  private ReferenceMerkleTree() {}

  /** {@code MTH(D[n])}. */
  public static byte[] mth(List<byte[]> leaves) {
    int n = leaves.size();
    if (n == 0) {
      return MerkleHashes.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(0).clone();
    }
    int k = largestPowerOfTwoBelow(n);
    return MerkleHashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
  }

  /** {@code PATH(m, D[n])}, for {@code 0 <= m < n}. */
  static List<byte[]> path(int m, List<byte[]> leaves) {
    int n = leaves.size();
    List<byte[]> path = new ArrayList<>();
    if (n == 1) {
      return path;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path.addAll(path(m, leaves.subList(0, k)));
      path.add(mth(leaves.subList(k, n)));
    } else {
      path.addAll(path(m - k, leaves.subList(k, n)));
      path.add(mth(leaves.subList(0, k)));
    }
    return path;
  }

  /** {@code PROOF(m, D[n]) = SUBPROOF(m, D[n], true)}, for {@code 0 < m <= n}. */
  static List<byte[]> proof(int m, List<byte[]> leaves) {
    return subproof(m, leaves, true);
  }

  private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
    int n = leaves.size();
    List<byte[]> proof = new ArrayList<>();
    if (m == n) {
      if (!b) {
        proof.add(mth(leaves));
      }
      return proof;
    }
    int k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      proof.addAll(subproof(m, leaves.subList(0, k), b));
      proof.add(mth(leaves.subList(k, n)));
    } else {
      proof.addAll(subproof(m - k, leaves.subList(k, n), false));
      proof.add(mth(leaves.subList(0, k)));
    }
    return proof;
  }

  /** The largest power of two smaller than {@code n}, for {@code n > 1}: {@code k < n <= 2k}. */
  static int largestPowerOfTwoBelow(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }
}
