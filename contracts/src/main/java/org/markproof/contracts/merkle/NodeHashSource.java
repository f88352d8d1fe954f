package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks up stored hashes of perfect subtrees by {@link NodeId}. This is all that storage knows of
 * the tree: which nodes a proof needs, and how to combine them, is decided by {@link ProofPlanner}
 * and {@link ProofPlan} (as transparency-dev/merkle {@code proof.Nodes} keeps proof algebra out of
 * trillian's storage).
 */
@FunctionalInterface
public interface NodeHashSource {
  /**
   * Returns the 32-byte hash of the perfect subtree {@code id}.
   *
   * <p>Implementations throw an unchecked exception of their own choosing when the node is not
   * stored; they never return {@code null}.
   */
  byte[] hash(NodeId id);

  /** Returns the hashes of {@code ids}, in the same order; override to fetch in one batch. */
  default List<byte[]> hashes(List<NodeId> ids) {
    List<byte[]> hashes = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      hashes.add(hash(id));
    }
    return hashes;
  }
}
