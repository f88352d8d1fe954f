package org.markproof.contracts.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * What storage must fetch to serve one inclusion or consistency proof, and how to turn the fetched
 * hashes into the proof. Made by {@link ProofPlanner}; storage only looks up {@link #nodeIds()}.
 *
 * @param elements one element per proof hash, in proof order (RFC 9162 §2.1.3.1, §2.1.4.1)
 */
public record ProofPlan(List<ProofElement> elements) {
  public ProofPlan {
    elements = List.copyOf(elements);
  }

  /** Returns the number of hashes in the assembled proof. */
  public int proofLength() {
    return elements.size();
  }

  /** Returns the perfect subtrees to fetch, in the order {@link #assemble(List)} expects. */
  public List<NodeId> nodeIds() {
    List<NodeId> ids = new ArrayList<>();
    for (ProofElement element : elements) {
      ids.addAll(element.nodes());
    }
    return List.copyOf(ids);
  }

  /**
   * Returns the proof from the hashes of {@link #nodeIds()}, given in that order; ephemeral
   * right-border nodes are recomputed from their perfect subtrees.
   *
   * @throws IllegalArgumentException if the number of hashes differs from {@code nodeIds().size()}
   *     or a hash is not 32 bytes
   */
  public List<byte[]> assemble(List<byte[]> fetchedHashes) {
    int expected = 0;
    for (ProofElement element : elements) {
      expected += element.nodes().size();
    }
    if (fetchedHashes.size() != expected) {
      throw new IllegalArgumentException(
          "got " + fetchedHashes.size() + " node hashes, expected " + expected);
    }
    for (int i = 0; i < fetchedHashes.size(); i++) {
      byte[] hash = fetchedHashes.get(i);
      if (hash == null || hash.length != MerkleHashes.HASH_LENGTH) {
        throw new IllegalArgumentException(
            "node hash "
                + i
                + ": got "
                + (hash == null ? "nothing" : hash.length + " bytes")
                + ", expected "
                + MerkleHashes.HASH_LENGTH);
      }
    }
    List<byte[]> proof = new ArrayList<>(elements.size());
    int next = 0;
    for (ProofElement element : elements) {
      int count = element.nodes().size();
      proof.add(element.combine(fetchedHashes.subList(next, next + count)));
      next += count;
    }
    return proof;
  }

  /** Returns the proof, looking the nodes up in {@code source} with one batch call. */
  public List<byte[]> assemble(NodeHashSource source) {
    return assemble(source.hashes(nodeIds()));
  }
}
