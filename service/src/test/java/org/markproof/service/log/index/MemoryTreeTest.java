package org.markproof.service.log.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.merkle.MerkleHashes;
import org.markproof.contracts.merkle.ProofGenerator;
import org.markproof.contracts.merkle.ProofVerifier;

/**
 * The in-memory tree against the core's naive reference ({@link ProofGenerator}, {@link
 * MerkleHashes#root}): roots, inclusion and consistency proofs at every size up to a few chunks of
 * levels 1-3 recomputed from leaves, appended in random batch sizes.
 */
class MemoryTreeTest {
  @Test
  void rootsAndProofsMatchTheReferenceAtEverySize() throws Exception {
    Random random = new Random(20261126);
    List<byte[]> leaves = new ArrayList<>();
    MemoryTree tree = new MemoryTree();
    while (leaves.size() < 300) {
      int batch = 1 + random.nextInt(9);
      List<byte[]> added = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        added.add(MerkleHashes.leafHash(ByteBuffer.allocate(8).putLong(leaves.size() + i).array()));
      }
      byte[] root = tree.append(added);
      leaves.addAll(added);
      assertEquals(leaves.size(), tree.size());
      assertArrayEquals(MerkleHashes.root(leaves), root);
    }
    for (int size = 1; size <= leaves.size(); size += 1 + random.nextInt(7)) {
      List<byte[]> prefix = leaves.subList(0, size);
      byte[] root = MerkleHashes.root(prefix);
      assertArrayEquals(root, tree.root(size), "root at " + size);
      long index = random.nextInt(size);
      List<byte[]> proof = tree.inclusionProof(index, size);
      assertProofEquals(ProofGenerator.inclusion(prefix, index), proof);
      ProofVerifier.verifyInclusion(index, size, leaves.get((int) index), proof, root);
      long older = 1 + random.nextInt(size);
      List<byte[]> consistency = tree.consistencyProof(older, size);
      assertProofEquals(ProofGenerator.consistency(prefix, older), consistency);
      ProofVerifier.verifyConsistency(older, size, consistency, tree.root(older), root);
    }
  }

  @Test
  void refusesProofsBeyondItsSize() {
    MemoryTree tree = new MemoryTree();
    tree.append(List.of(MerkleHashes.leafHash(new byte[] {1})));
    assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(0, 2));
    assertThrows(IllegalArgumentException.class, () -> tree.leafHash(1));
    assertThrows(IllegalArgumentException.class, () -> tree.root(2));
  }

  private static void assertProofEquals(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "proof hash " + i);
    }
  }
}
