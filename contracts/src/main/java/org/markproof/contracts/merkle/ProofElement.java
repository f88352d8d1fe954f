package org.markproof.contracts.merkle;

import java.util.List;

/**
 * How to obtain one hash of a proof: the Merkle Tree Hash of consecutive perfect subtrees, left to
 * right. A single node is a stored hash used as is. Several nodes form an "ephemeral" node of the
 * tree's right border (RFC 9162 §2.1.1 splits at the largest power of two, so the border node over
 * {@code [begin, size)} is the fold, from the right, of the perfect subtrees covering that range),
 * as in transparency-dev/merkle {@code proof.Nodes.Rehash}.
 *
 * @param nodes one or more adjacent perfect subtrees of strictly decreasing level
 */
public record ProofElement(List<NodeId> nodes) {
  /**
   * Checks that the nodes are adjacent and strictly decreasing in level, which is exactly when
   * folding them from the right gives the Merkle Tree Hash of the range they cover.
   *
   * @throws IllegalArgumentException if they are not
   */
  public ProofElement {
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a proof element needs at least one node");
    }
    for (int i = 1; i < nodes.size(); i++) {
      NodeId left = nodes.get(i - 1);
      NodeId right = nodes.get(i);
      if (left.endLeaf() != right.firstLeaf() || left.level() <= right.level()) {
        throw new IllegalArgumentException(
            left + " and " + right + " are not adjacent subtrees of decreasing level");
      }
    }
  }

  /** Returns an element made of the single stored node {@code id}. */
  public static ProofElement stored(NodeId id) {
    return new ProofElement(List.of(id));
  }

  /** Returns whether this element is recomputed from several nodes rather than stored. */
  public boolean isEphemeral() {
    return nodes.size() > 1;
  }

  /**
   * Returns the hash of this element from the hashes of its {@link #nodes()}, in the same order.
   */
  byte[] combine(List<byte[]> nodeHashes) {
    byte[] hash = nodeHashes.get(nodeHashes.size() - 1);
    for (int i = nodeHashes.size() - 2; i >= 0; i--) {
      hash = MerkleHashes.nodeHash(nodeHashes.get(i), hash);
    }
    return hash.clone();
  }
}
