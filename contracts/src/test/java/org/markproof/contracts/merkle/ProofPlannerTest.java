package org.markproof.contracts.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.VerificationException;

class ProofPlannerTest {
  private static final List<byte[]> LEAVES = RandomLeaves.of(new Random(130), 70_000);

  @Test
  void assembledInclusionProofEqualsDirectGenerationForEveryIndexAndSizeUpTo130() {
    for (int size = 1; size <= 130; size++) {
      List<byte[]> leaves = LEAVES.subList(0, size);
      for (int index = 0; index < size; index++) {
        assertSameProof(
            ProofGenerator.inclusion(leaves, index),
            ProofPlanner.inclusion(index, size).assemble(new LeafListSource(leaves)),
            "PATH(" + index + ", D[" + size + "])");
      }
    }
  }

  @Test
  void assembledConsistencyProofEqualsDirectGenerationForEverySizePairUpTo130() {
    for (int size2 = 1; size2 <= 130; size2++) {
      List<byte[]> leaves = LEAVES.subList(0, size2);
      for (int size1 = 1; size1 <= size2; size1++) {
        assertSameProof(
            ProofGenerator.consistency(leaves, size1),
            ProofPlanner.consistency(size1, size2).assemble(new LeafListSource(leaves)),
            "PROOF(" + size1 + ", D[" + size2 + "])");
      }
    }
  }

  @Test
  void assembledProofsEqualDirectGenerationOnRandomLargerTrees() {
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      int size = 131 + random.nextInt(LEAVES.size() - 130);
      List<byte[]> leaves = LEAVES.subList(0, size);
      int index = random.nextInt(size);
      int size1 = 1 + random.nextInt(size);
      assertSameProof(
          ProofGenerator.inclusion(leaves, index),
          ProofPlanner.inclusion(index, size).assemble(new LeafListSource(leaves)),
          "PATH(" + index + ", D[" + size + "])");
      assertSameProof(
          ProofGenerator.consistency(leaves, size1),
          ProofPlanner.consistency(size1, size).assemble(new LeafListSource(leaves)),
          "PROOF(" + size1 + ", D[" + size + "])");
    }
  }

  @Test
  void inclusionPlanOnHugeTreesCoversEveryOtherLeafOnceWithTheVerifiersLength()
      throws VerificationException {
    Random random = new Random(8);
    for (int round = 0; round < 2000; round++) {
      long size = 1 + (random.nextLong() >>> (2 + random.nextInt(62)));
      long index = (random.nextLong() >>> 1) % size;
      ProofPlan plan = ProofPlanner.inclusion(index, size);
      List<long[]> ranges = new ArrayList<>();
      ranges.add(new long[] {index, index + 1});
      for (ProofElement element : plan.elements()) {
        List<NodeId> nodes = element.nodes();
        ranges.add(new long[] {nodes.get(0).firstLeaf(), nodes.get(nodes.size() - 1).endLeaf()});
      }
      ranges.sort(Comparator.comparingLong(r -> r[0]));
      long covered = 0;
      for (long[] range : ranges) {
        assertEquals(covered, range[0], "gap or overlap in PATH(" + index + ", D[" + size + "])");
        covered = range[1];
      }
      assertEquals(size, covered, "PATH(" + index + ", D[" + size + "]) ends at the size");
      // The verifier checks the proof length first: it must agree with the plan.
      ProofVerifier.rootFromInclusionProof(
          index, size, randomHash(random), randomHashes(random, plan.proofLength()));
    }
  }

  @Test
  void consistencyPlanOnHugeTreesHasTheVerifiersLength() {
    Random random = new Random(9);
    for (int round = 0; round < 2000; round++) {
      long size2 = 2 + (random.nextLong() >>> (2 + random.nextInt(62)));
      long size1 = 1 + (random.nextLong() >>> 1) % (size2 - 1);
      ProofPlan plan = ProofPlanner.consistency(size1, size2);
      for (NodeId id : plan.nodeIds()) {
        assertTrue(id.endLeaf() <= size2, id + " lies beyond size " + size2);
      }
      // Random hashes of the right length get past every shape check and fail on the roots.
      assertThrows(
          RootMismatchException.class,
          () ->
              ProofVerifier.verifyConsistency(
                  size1,
                  size2,
                  randomHashes(random, plan.proofLength()),
                  randomHash(random),
                  randomHash(random)),
          "PROOF(" + size1 + ", D[" + size2 + "])");
    }
  }

  @Test
  void consistencyBetweenEqualSizesNeedsNothing() {
    assertEquals(List.of(), ProofPlanner.consistency(5, 5).nodeIds());
  }

  @Test
  void rejectsImpossibleIndicesAndSizes() {
    assertThrows(IllegalArgumentException.class, () -> ProofPlanner.inclusion(-1, 5));
    assertThrows(IllegalArgumentException.class, () -> ProofPlanner.inclusion(5, 5));
    assertThrows(IllegalArgumentException.class, () -> ProofPlanner.inclusion(0, 0));
    assertThrows(IllegalArgumentException.class, () -> ProofPlanner.consistency(0, 5));
    assertThrows(IllegalArgumentException.class, () -> ProofPlanner.consistency(6, 5));
  }

  @Test
  void assembleRejectsTheWrongNumberOrLengthOfHashes() {
    ProofPlan plan = ProofPlanner.inclusion(0, 7);
    List<byte[]> hashes = new LeafListSource(LEAVES.subList(0, 7)).hashes(plan.nodeIds());
    assertThrows(IllegalArgumentException.class, () -> plan.assemble(hashes.subList(0, 3)));
    List<byte[]> shortHash = new ArrayList<>(hashes);
    shortHash.set(2, new byte[31]);
    assertThrows(IllegalArgumentException.class, () -> plan.assemble(shortHash));
  }

  @Test
  void proofElementRejectsNodesThatDoNotFoldIntoOneSubtree() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProofElement(List.of(NodeId.leaf(4), new NodeId(1, 3))),
        "rising level");
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProofElement(List.of(new NodeId(1, 2), NodeId.leaf(7))),
        "gap between nodes");
    assertThrows(IllegalArgumentException.class, () -> new ProofElement(List.of()));
  }

  private static void assertSameProof(List<byte[]> expected, List<byte[]> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": length");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), what + ": hash " + i);
    }
  }

  private static byte[] randomHash(Random random) {
    byte[] hash = new byte[MerkleHashes.HASH_LENGTH];
    random.nextBytes(hash);
    return hash;
  }

  private static List<byte[]> randomHashes(Random random, int count) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hashes.add(randomHash(random));
    }
    return hashes;
  }
}
