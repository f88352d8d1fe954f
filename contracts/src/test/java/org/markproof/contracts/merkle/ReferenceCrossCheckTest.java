package org.markproof.contracts.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.VerificationException;

/**
 * Cross-checks the fast tree code against {@link ReferenceMerkleTree} on random trees of every size
 * up to 1,000 leaves, and checks that {@link ProofVerifier} accepts every generated proof and
 * rejects it once anything about it is changed.
 */
class ReferenceCrossCheckTest {
  private static final int MAX_SIZE = 1000;
  private static final List<byte[]> LEAVES = RandomLeaves.of(new Random(9162), MAX_SIZE);

  @Test
  void rootMatchesReferenceForEverySize() {
    CompactRange range = CompactRange.empty();
    for (int size = 1; size <= MAX_SIZE; size++) {
      List<byte[]> leaves = LEAVES.subList(0, size);
      byte[] expected = ReferenceMerkleTree.mth(leaves);
      assertArrayEquals(expected, MerkleHashes.root(leaves), "MerkleHashes.root, size " + size);
      range = range.append(LEAVES.get(size - 1), NodeVisitor.NONE);
      assertArrayEquals(expected, range.root(), "CompactRange.root, size " + size);
    }
  }

  @Test
  void emptyTreeRootIsHashOfNothing() {
    assertArrayEquals(ReferenceMerkleTree.mth(List.of()), MerkleHashes.root(List.of()));
    assertArrayEquals(MerkleHashes.emptyRoot(), CompactRange.empty().root());
  }

  @Test
  void inclusionProofsMatchReferenceAndVerify() throws VerificationException {
    Random random = new Random(1);
    for (int size = 1; size <= MAX_SIZE; size++) {
      List<byte[]> leaves = LEAVES.subList(0, size);
      byte[] root = MerkleHashes.root(leaves);
      for (int index : sample(random, 0, size - 1)) {
        List<byte[]> expected = ReferenceMerkleTree.path(index, leaves);
        List<byte[]> proof = ProofGenerator.inclusion(leaves, index);
        assertHashesEqual(expected, proof, "PATH(" + index + ", D[" + size + "])");
        assertHashesEqual(
            expected,
            ProofPlanner.inclusion(index, size).assemble(new LeafListSource(leaves)),
            "planned PATH(" + index + ", D[" + size + "])");
        ProofVerifier.verifyInclusion(index, size, leaves.get(index), proof, root);
      }
    }
  }

  @Test
  void consistencyProofsMatchReferenceAndVerify() throws VerificationException {
    Random random = new Random(2);
    for (int size2 = 1; size2 <= MAX_SIZE; size2++) {
      List<byte[]> leaves = LEAVES.subList(0, size2);
      byte[] root2 = MerkleHashes.root(leaves);
      for (int size1 : sample(random, 1, size2)) {
        List<byte[]> expected = ReferenceMerkleTree.proof(size1, leaves);
        List<byte[]> proof = ProofGenerator.consistency(leaves, size1);
        assertHashesEqual(expected, proof, "PROOF(" + size1 + ", D[" + size2 + "])");
        assertHashesEqual(
            expected,
            ProofPlanner.consistency(size1, size2).assemble(new LeafListSource(leaves)),
            "planned PROOF(" + size1 + ", D[" + size2 + "])");
        byte[] root1 = MerkleHashes.root(leaves.subList(0, size1));
        ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2);
      }
    }
  }

  @Test
  void rejectsInclusionProofWithAnyBitFlippedOrIndexOrSizeMovedByOne() {
    Random random = new Random(3);
    List<String> accepted = new ArrayList<>();
    for (int size = 1; size <= MAX_SIZE; size += 1 + random.nextInt(12)) {
      List<byte[]> leaves = LEAVES.subList(0, size);
      byte[] root = MerkleHashes.root(leaves);
      int index = random.nextInt(size);
      byte[] leaf = leaves.get(index);
      List<byte[]> proof = ProofGenerator.inclusion(leaves, index);
      String what = "PATH(" + index + ", D[" + size + "])";
      for (List<byte[]> tampered : withEachBitFlipped(proof)) {
        expectRejected(accepted, what + " with a flipped bit", index, size, leaf, tampered, root);
      }
      expectRejected(accepted, what + " at index - 1", index - 1, size, leaf, proof, root);
      expectRejected(accepted, what + " at index + 1", index + 1, size, leaf, proof, root);
      // A root speaks for one size only: moving the size must fail against that size's root.
      for (int other : new int[] {size - 1, size + 1}) {
        if (other >= 1 && other <= MAX_SIZE && index < other) {
          byte[] otherRoot = MerkleHashes.root(LEAVES.subList(0, other));
          expectRejected(
              accepted, what + " as size " + other, index, other, leaf, proof, otherRoot);
        }
      }
    }
    assertTrue(accepted.isEmpty(), "accepted tampered proofs:\n" + String.join("\n", accepted));
  }

  @Test
  void rejectsConsistencyProofWithAnyBitFlippedOrSizeMovedByOne() {
    Random random = new Random(4);
    List<String> accepted = new ArrayList<>();
    for (int size2 = 2; size2 <= MAX_SIZE; size2 += 1 + random.nextInt(12)) {
      List<byte[]> leaves = LEAVES.subList(0, size2);
      int size1 = 1 + random.nextInt(size2 - 1);
      byte[] root1 = MerkleHashes.root(leaves.subList(0, size1));
      byte[] root2 = MerkleHashes.root(leaves);
      List<byte[]> proof = ProofGenerator.consistency(leaves, size1);
      String what = "PROOF(" + size1 + ", D[" + size2 + "])";
      for (List<byte[]> tampered : withEachBitFlipped(proof)) {
        expectRejected(
            accepted, what + " with a flipped bit", size1, size2, tampered, root1, root2);
      }
      for (int other1 : new int[] {size1 - 1, size1 + 1}) {
        if (other1 >= 1 && other1 <= size2) {
          byte[] otherRoot1 = MerkleHashes.root(leaves.subList(0, other1));
          expectRejected(
              accepted, what + " from size " + other1, other1, size2, proof, otherRoot1, root2);
        }
      }
      for (int other2 : new int[] {size2 - 1, size2 + 1}) {
        if (other2 >= size1 && other2 <= MAX_SIZE) {
          byte[] otherRoot2 = MerkleHashes.root(LEAVES.subList(0, other2));
          expectRejected(
              accepted, what + " to size " + other2, size1, other2, proof, root1, otherRoot2);
        }
      }
    }
    assertTrue(accepted.isEmpty(), "accepted tampered proofs:\n" + String.join("\n", accepted));
  }

  /** Returns the first and last values and two random ones of {@code [min, max]}. */
  private static int[] sample(Random random, int min, int max) {
    int span = max - min + 1;
    return new int[] {min, max, min + random.nextInt(span), min + random.nextInt(span)};
  }

  private static List<List<byte[]>> withEachBitFlipped(List<byte[]> proof) {
    List<List<byte[]>> tampered = new ArrayList<>();
    for (int i = 0; i < proof.size(); i++) {
      for (int bit = 0; bit < MerkleHashes.HASH_LENGTH * 8; bit++) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = proof.get(i).clone();
        hash[bit / 8] ^= (byte) (1 << (bit % 8));
        copy.set(i, hash);
        tampered.add(copy);
      }
    }
    return tampered;
  }

  private static void expectRejected(
      List<String> accepted,
      String what,
      long index,
      long size,
      byte[] leaf,
      List<byte[]> proof,
      byte[] root) {
    try {
      ProofVerifier.verifyInclusion(index, size, leaf, proof, root);
      accepted.add(what);
    } catch (VerificationException expected) {
      // The only right outcome.
    }
  }

  private static void expectRejected(
      List<String> accepted,
      String what,
      long size1,
      long size2,
      List<byte[]> proof,
      byte[] root1,
      byte[] root2) {
    try {
      ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2);
      accepted.add(what);
    } catch (VerificationException expected) {
      // The only right outcome.
    }
  }

  private static void assertHashesEqual(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": length");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), what + ": hash " + i);
    }
  }
}
