package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plans inclusion and consistency proofs as lists of {@link NodeId}s to fetch, without any hash:
 * the core decides which perfect subtrees a proof needs, storage only looks them up (the split of
 * transparency-dev/merkle {@code proof.Inclusion} / {@code proof.Consistency}).
 *
 * <p>Both plans follow the recursive definitions of RFC 9162 walked top-down: at each step the
 * range {@code [lo, hi)} splits at the largest power of two {@code k < hi - lo}; the half that does
 * not hold the target contributes one proof hash. A left half is always a perfect subtree; a right
 * half is perfect or, once per proof at most, an ephemeral node of the right border.
 */
public final class ProofPlanner {
  private ProofPlanner() {}

  /**
   * Plans the audit path {@code PATH(index, D[size])} of RFC 9162 §2.1.3.1.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static ProofPlan inclusion(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "index " + index + " is outside a tree of size " + size + "; need 0 <= index < size");
    }
    List<ProofElement> topDown = new ArrayList<>();
    long lo = 0;
    long hi = size;
    while (hi - lo > 1) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (index < lo + k) {
        topDown.add(cover(lo + k, hi));
        hi = lo + k;
      } else {
        topDown.add(cover(lo, lo + k));
        lo += k;
      }
    }
    Collections.reverse(topDown);
    return new ProofPlan(topDown);
  }

  /**
   * Plans the consistency proof {@code PROOF(size1, D[size2])} of RFC 9162 §2.1.4.1; empty when the
   * sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}
   */
  public static ProofPlan consistency(long size1, long size2) {
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "sizes " + size1 + " and " + size2 + " do not satisfy 0 < size1 <= size2");
    }
    List<ProofElement> topDown = new ArrayList<>();
    long lo = 0;
    long hi = size2;
    // SUBPROOF's flag b: whether the subtree ending at size1 is the old root the client holds.
    boolean oldRootKnown = true;
    while (hi != size1) {
      long k = Long.highestOneBit(hi - lo - 1);
      if (size1 <= lo + k) {
        topDown.add(cover(lo + k, hi));
        hi = lo + k;
      } else {
        topDown.add(cover(lo, lo + k));
        lo += k;
        oldRootKnown = false;
      }
    }
    if (!oldRootKnown) {
      topDown.add(cover(lo, hi));
    }
    Collections.reverse(topDown);
    return new ProofPlan(topDown);
  }

  private static ProofElement cover(long begin, long end) {
    return new ProofElement(perfectSubtrees(begin, end));
  }

  /**
   * Returns the fewest perfect subtrees covering {@code [begin, end)}, largest first.
   *
   * <p>Requires {@code begin} to be a multiple of the largest power of two not above {@code end -
   * begin}, as holds for every range the RFC 9162 recursion produces and for {@code begin = 0}.
   */
  static List<NodeId> perfectSubtrees(long begin, long end) {
    List<NodeId> nodes = new ArrayList<>(Long.bitCount(end - begin));
    long position = begin;
    long rest = end - begin;
    while (rest != 0) {
      // The largest remaining piece goes first; every later piece is smaller, so stays aligned.
      int level = 63 - Long.numberOfLeadingZeros(rest);
      nodes.add(new NodeId(level, position >>> level));
      position += 1L << level;
      rest -= 1L << level;
    }
    return nodes;
  }
}
