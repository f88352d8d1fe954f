package org.markproof.contracts.merkle;

import java.util.List;

/**
 * A {@link NodeHashSource} over leaf hashes held in memory: each node is hashed from its leaves by
 * {@link ReferenceMerkleTree}, independently of the code under test.
 */
final class LeafListSource implements NodeHashSource {
  private final List<byte[]> leaves;

  LeafListSource(List<byte[]> leaves) {
    this.leaves = leaves;
  }

  @Override
  public byte[] hash(NodeId id) {
    if (id.endLeaf() > leaves.size()) {
      throw new IllegalArgumentException(id + " is not complete in a tree of " + leaves.size());
    }
    return ReferenceMerkleTree.mth(leaves.subList((int) id.firstLeaf(), (int) id.endLeaf()));
  }
}
